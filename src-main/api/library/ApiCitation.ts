/** A source of a library answer as API clients receive it: where it is, and the passage itself. */
export type ApiCitation = {
    /** The number the answer cites, as in [1]. */
    number: number;
    /** The document's name (not its path). */
    file: string;
    document_id: string;
    chunk_id: number;
    /** 1-based page, for paged formats. */
    page: number | null;
    /** Headings above the passage, outermost first. */
    heading: string[];
    /** The passage's text. */
    passage: string;
    /** Offsets of the passage in its section of the document. */
    char_start: number;
    char_end: number;
};
