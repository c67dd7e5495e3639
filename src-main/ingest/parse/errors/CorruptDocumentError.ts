import { DocumentError } from "./DocumentError.js";

export interface CorruptDocumentDetails {
    fileName: string;
    /** The format it was read as, in words: "PDF", "Word document". */
    formatName: string;
    /** What the reader reported, kept short. */
    reason: string;
}

/** The file claims a format but its content is damaged, truncated or not that format at all. */
export class CorruptDocumentError extends DocumentError<CorruptDocumentDetails> {
    public readonly kind = "corrupt";

    public constructor(details: CorruptDocumentDetails) {
        super(
            details,
            `"${details.fileName}" could not be read as ${article(details.formatName)} ${details.formatName} (${details.reason}). ` +
                `It may be damaged or incomplete: open it in its usual app and save a fresh copy.`
        );
        this.name = "CorruptDocumentError";
    }
}

/** "a PDF", "an EPUB e-book", "an RTF document" (said "ar-tee-ef"). */
function article(formatName: string): string {
    return /^([aeiou]|RTF|MBOX)/i.test(formatName) ? "an" : "a";
}
