import { DocumentError } from "./DocumentError.js";

export interface UnreadableDocumentDetails {
    fileName: string;
    /** The system's error code (ENOENT, EACCES, EISDIR...), or ENOTREGULAR for devices and pipes. */
    code: string;
}

const reasons: Record<string, string> = {
    ENOENT: "it no longer exists",
    EACCES: "permission was denied",
    EPERM: "permission was denied",
    EISDIR: "it is a folder",
    ENOTREGULAR: "it is not a regular file (it is a device or a pipe)",
    EBUSY: "it is locked by another app"
};

/** The file could not be opened or read at all. */
export class UnreadableDocumentError extends DocumentError<UnreadableDocumentDetails> {
    public readonly kind = "unreadable";

    public constructor(details: UnreadableDocumentDetails) {
        const reason = reasons[details.code] ?? `the system reported ${details.code}`;
        super(
            details,
            `"${details.fileName}" could not be opened because ${reason}. ` +
                `Check that the file is still there and that Locus is allowed to read it.`
        );
        this.name = "UnreadableDocumentError";
    }
}
