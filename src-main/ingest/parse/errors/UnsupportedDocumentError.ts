import { DocumentError } from "./DocumentError.js";

export interface UnsupportedDocumentDetails {
    fileName: string;
    /** What the file looks like, e.g. "a PNG image", "an old Word .doc file". */
    detected: string;
    /** A specific way out when there is one, e.g. "Save it as .docx in Word." */
    advice?: string;
}

/** The file is not one of the formats Locus can read. */
export class UnsupportedDocumentError extends DocumentError<UnsupportedDocumentDetails> {
    public readonly kind = "unsupported-format";

    public constructor(details: UnsupportedDocumentDetails) {
        const advice = details.advice ?? "Convert it to one of these formats to add it.";
        super(
            details,
            `"${details.fileName}" is ${details.detected}, which Locus cannot read. ` +
                `Supported: PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), OpenDocument (.odt, .ods), EPUB, RTF, e-mail (.eml, .mbox), CSV, Markdown, HTML, plain text and images (PNG, JPEG). ${advice}`
        );
        this.name = "UnsupportedDocumentError";
    }
}
