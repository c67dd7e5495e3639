import { DocumentError } from "./DocumentError.js";

export interface EmptyDocumentDetails {
    fileName: string;
    /** "no-bytes": the file is 0 bytes long; "no-text": it has content but no readable text. */
    reason: "no-bytes" | "no-text";
}

/** Nothing to index: an empty file, or one whose content holds no text. */
export class EmptyDocumentError extends DocumentError<EmptyDocumentDetails> {
    public readonly kind = "empty";

    public constructor(details: EmptyDocumentDetails) {
        super(
            details,
            details.reason === "no-bytes"
                ? `"${details.fileName}" is empty (0 bytes). Check that it was saved or copied completely.`
                : `"${details.fileName}" contains no readable text. Check that it opens correctly in its usual app.`
        );
        this.name = "EmptyDocumentError";
    }
}
