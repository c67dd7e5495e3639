import { LocusError } from "@common/errors.js";
import type { DownloadFailureReason } from "./downloadTypes.js";
import { DiskFullError } from "./errors/DiskFullError.js";
import { DownloadError } from "./errors/DownloadError.js";
import { DownloadServerError } from "./errors/DownloadServerError.js";
import { errorCode, isNetworkError, networkFailure } from "./networkFailure.js";

/** Failures after which the partial file is worth keeping: the same bytes will still be right later. */
const resumable = new Set<DownloadFailureReason>(["offline", "server", "disk-full", "internal"]);

export function keepsPartialFile(reason: DownloadFailureReason): boolean {
    return resumable.has(reason);
}

/** ipull's StatusCodeError carries the HTTP status of a refused request. */
function httpStatus(error: unknown): number | null {
    const status = (error as { statusCode?: unknown } | null)?.statusCode;
    return typeof status === "number" && status >= 400 ? status : null;
}

/** Whatever a download step threw, as a DownloadError whose message a person can act on. */
export function toDownloadError(error: unknown, context: { fileName: string; host: string }): DownloadError {
    if (error instanceof DownloadError) return error;
    // The header check of the finished file (bad GGUF, too large for this computer) keeps its own words.
    if (error instanceof LocusError)
        return new DownloadError(error.kind === "bad-model-file" || error.kind === "model-too-large" ? "bad-model-file" : "internal", error.message, { cause: error });
    if (errorCode(error) === "ENOSPC") return new DiskFullError(context.fileName, error);
    const status = httpStatus(error);
    if (status != null) return new DownloadServerError(status, context.fileName);
    if (isNetworkError(error)) return networkFailure(context.host, error);
    const detail = error instanceof Error ? error.message : String(error);
    return new DownloadError(
        "internal",
        `The download of ${context.fileName} stopped unexpectedly (${detail}). Resume it; if this keeps happening, report this message.`,
        { cause: error }
    );
}
