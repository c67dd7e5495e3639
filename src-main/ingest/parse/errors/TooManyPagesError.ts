import { DocumentError } from "./DocumentError.js";

export interface TooManyPagesDetails {
    fileName: string;
    pageCount: number;
    limit: number;
    /** What is counted: PDF pages (the default) or presentation slides. */
    unit?: "pages" | "slides";
}

/** The PDF (or presentation) has more pages (slides) than the per-file page limit. */
export class TooManyPagesError extends DocumentError<TooManyPagesDetails> {
    public readonly kind = "too-many-pages";

    public constructor(details: TooManyPagesDetails) {
        super(
            details,
            `"${details.fileName}" has ${String(details.pageCount)} ${details.unit ?? "pages"}, over the limit of ${String(details.limit)}. ` +
                `Split it into smaller ${details.unit === "slides" ? "presentations" : "PDFs"}, or raise "Most pages" in Settings > Documents.`
        );
        this.name = "TooManyPagesError";
    }
}
