import { DocumentError } from "./DocumentError.js";

export interface TooManyPagesDetails {
    fileName: string;
    pageCount: number;
    limit: number;
    /** What is counted: PDF pages (the default), presentation slides or the messages of a mailbox. */
    unit?: "pages" | "slides" | "messages";
}

const advice: Record<NonNullable<TooManyPagesDetails["unit"]>, string> = {
    pages: 'Split it into smaller PDFs, or raise "Most pages" in Settings > Documents.',
    slides: 'Split it into smaller presentations, or raise "Most pages" in Settings > Documents.',
    messages: 'Export its folders as separate mailboxes from your mail program, or raise "Most messages in a mailbox" in Settings > Documents.'
};

/** The PDF (presentation, mailbox) has more pages (slides, messages) than the per-file limit. */
export class TooManyPagesError extends DocumentError<TooManyPagesDetails> {
    public readonly kind = "too-many-pages";

    public constructor(details: TooManyPagesDetails) {
        const count = (value: number): string => value.toLocaleString("en-US");
        super(
            details,
            `"${details.fileName}" has ${count(details.pageCount)} ${details.unit ?? "pages"}, over the limit of ${count(details.limit)}. ` +
                advice[details.unit ?? "pages"]
        );
        this.name = "TooManyPagesError";
    }
}
