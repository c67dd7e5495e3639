import { DocumentError } from "./DocumentError.js";

export interface TooManyPagesDetails {
    fileName: string;
    pageCount: number;
    limit: number;
}

/** The PDF has more pages than the per-file page limit. */
export class TooManyPagesError extends DocumentError<TooManyPagesDetails> {
    public readonly kind = "too-many-pages";

    public constructor(details: TooManyPagesDetails) {
        super(
            details,
            `"${details.fileName}" has ${String(details.pageCount)} pages, over the limit of ${String(details.limit)}. ` +
                `Split it into smaller PDFs, or raise "Most pages" in Settings > Documents.`
        );
        this.name = "TooManyPagesError";
    }
}
