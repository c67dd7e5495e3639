import { DocumentError } from "./DocumentError.js";

export interface ScannedPdfDetails {
    fileName: string;
    pageCount: number;
}

/** A PDF with no text layer on any page: most likely scanned images of pages. */
export class ScannedPdfError extends DocumentError<ScannedPdfDetails> {
    public readonly kind = "scanned-pdf";

    public constructor(details: ScannedPdfDetails) {
        const pages = details.pageCount === 1 ? "its page" : `any of its ${String(details.pageCount)} pages`;
        super(
            details,
            `"${details.fileName}" looks scanned: there is no text on ${pages}. ` +
                `Run it through text recognition (OCR), then add the recognized PDF.`
        );
        this.name = "ScannedPdfError";
    }
}
