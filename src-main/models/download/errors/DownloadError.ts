import type { ErrorKind } from "@common/contract/result.js";
import { LocusError } from "@common/errors.js";
import type { DownloadFailure, DownloadFailureReason } from "../downloadTypes.js";

/** The contract's error kind for each failure; the job's `error.reason` keeps the precise category. */
const kindByReason: Record<DownloadFailureReason, ErrorKind> = {
    "offline": "network",
    "server": "network",
    "disk-full": "disk-full",
    "checksum": "bad-model-file",
    "truncated": "bad-model-file",
    "remote-changed": "unsupported",
    "unverifiable": "unsupported",
    "bad-model-file": "bad-model-file",
    "internal": "internal"
};

/** Base of every error a download can end with; `reason` is what the job records. */
export class DownloadError extends LocusError {
    constructor(readonly reason: DownloadFailureReason, message: string, options?: { cause?: unknown }) {
        super(kindByReason[reason], message);
        if (options?.cause !== undefined) this.cause = options.cause;
    }

    toFailure(): DownloadFailure {
        return { reason: this.reason, message: this.message };
    }
}
