/** Stable categories of document failures, for the UI and for deciding whether a retry can help. */
export type DocumentErrorKind =
    | "unsupported-format"
    | "empty"
    | "scanned-pdf"
    | "too-large"
    | "too-many-pages"
    | "zip-bomb"
    | "corrupt"
    | "encrypted"
    | "unreadable";

export interface DocumentErrorDetails {
    /** The file's name (not its full path), as the user knows it. */
    fileName: string;
}

/**
 * A document that cannot be indexed, with a message that names the file and says what to do.
 * Subclasses build their message from plain `details`, so the error can be rebuilt exactly on the
 * other side of a process boundary.
 */
export abstract class DocumentError<Details extends DocumentErrorDetails = DocumentErrorDetails> extends Error {
    public abstract readonly kind: DocumentErrorKind;

    protected constructor(
        public readonly details: Details,
        message: string
    ) {
        super(message);
    }

    public get fileName(): string {
        return this.details.fileName;
    }
}
