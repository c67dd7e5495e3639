import { DocumentError } from "./DocumentError.js";

export interface ScannedPdfDetails {
    fileName: string;
    pageCount: number;
    /**
     * Why its scanned pages were not read: more pages than "Most scanned pages" (`limit`), or text
     * recognition found no words on them. Absent in errors from before text recognition: no text at all.
     */
    reason?: "too-many-pages" | "nothing-recognized";
    limit?: number;
    /** The languages recognition read in, by name ("English, French"). */
    languages?: string;
}

/** A PDF with no text layer on any page (scanned images of pages) that text recognition could not read. */
export class ScannedPdfError extends DocumentError<ScannedPdfDetails> {
    public readonly kind = "scanned-pdf";

    public constructor(details: ScannedPdfDetails) {
        const pages = details.pageCount === 1 ? "its page" : `any of its ${String(details.pageCount)} pages`;
        let message: string;
        if (details.reason === "too-many-pages") {
            message = `"${details.fileName}" is scanned (no text on ${pages}), and reading ${String(details.pageCount)} pages by text recognition ` +
                `is over the limit of ${String(details.limit ?? 0)}. Raise "Most scanned pages" in Settings > Documents, or split the PDF.`;
        } else if (details.reason === "nothing-recognized") {
            message = `"${details.fileName}" is scanned, and text recognition found no words on ${pages} in ${details.languages ?? "the chosen languages"}. ` +
                `If it is in another language, choose that language in Settings > Documents; if the scan is faint or small, scan it again at 300 dpi.`;
        } else {
            message = `"${details.fileName}" looks scanned: there is no text on ${pages}. Run it through text recognition (OCR), then add the recognized PDF.`;
        }
        super(details, message);
        this.name = "ScannedPdfError";
    }
}
