import { DocumentError } from "./DocumentError.js";

export interface EncryptedDocumentDetails {
    fileName: string;
    formatName: string;
}

/** The document is password-protected, so its text cannot be read. */
export class EncryptedDocumentError extends DocumentError<EncryptedDocumentDetails> {
    public readonly kind = "encrypted";

    public constructor(details: EncryptedDocumentDetails) {
        super(
            details,
            `"${details.fileName}" is a password-protected ${details.formatName}. ` +
                `Save a copy without the password and add that instead.`
        );
        this.name = "EncryptedDocumentError";
    }
}
