import { formatBytes } from "../formatBytes.js";
import { DocumentError } from "./DocumentError.js";

export interface DocumentTooLargeDetails {
    fileName: string;
    sizeBytes: number;
    limitBytes: number;
}

/** The file is bigger than the per-file size limit. */
export class DocumentTooLargeError extends DocumentError<DocumentTooLargeDetails> {
    public readonly kind = "too-large";

    public constructor(details: DocumentTooLargeDetails) {
        super(
            details,
            `"${details.fileName}" is ${formatBytes(details.sizeBytes)}, over the ${formatBytes(details.limitBytes)} ` +
                `limit for one document. Split it into smaller files, or raise "Largest document" in Settings > Documents.`
        );
        this.name = "DocumentTooLargeError";
    }
}
