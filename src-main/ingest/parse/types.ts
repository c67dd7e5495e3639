// Shared vocabulary of document parsing: what a parsed file looks like, and the limits that keep a
// hostile file from exhausting time or memory.

/**
 * `table`: a spreadsheet (XLSX, ODS) or CSV, read row by row under its header; `presentation`: PPTX;
 * `email`: one message (EML) or a mailbox (MBOX); `image`: a picture of text, read by OCR.
 */
export const documentFormats = ["pdf", "docx", "markdown", "html", "text", "table", "presentation", "epub", "odt", "rtf", "email", "image"] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export interface ParsedSection {
    text: string;
    /** 1-based page number (PDF pages, presentation slides, scanned pages). */
    page?: number;
    /** Headings above this text, outermost first; empty before the first heading. */
    headingPath: string[];
}

export interface ParsedDocument {
    format: DocumentFormat;
    title?: string;
    sections: ParsedSection[];
}

export interface ParseLimits {
    /** Largest file read, in bytes. */
    maxBytes: number;
    /** Most pages read from one PDF. */
    maxPages: number;
    /** Most bytes inflated from a zip container (DOCX), counted while inflating. */
    maxInflatedBytes: number;
    /** Most entries in a zip container. */
    maxZipEntries: number;
    /** HTML elements nested deeper than this are flattened into their ancestor. */
    maxHtmlDepth: number;
    /**
     * Wall time for one file; past it the parser process is killed. Text recognition restarts the clock
     * after every page it reads, so the limit holds per scanned page.
     */
    timeoutMs: number;
    /** Most pages of a scanned PDF read by text recognition; a longer scan fails with the reason. */
    maxScannedPages: number;
    /** Languages text recognition reads in (tesseract codes with installed data: "eng", "fra"). */
    ocrLanguages: string[];
}

export const defaultParseLimits: Readonly<ParseLimits> = Object.freeze({
    maxBytes: 512 * 1024 * 1024,
    maxPages: 5_000,
    maxInflatedBytes: 200 * 1024 * 1024,
    maxZipEntries: 10_000,
    maxHtmlDepth: 512,
    timeoutMs: 120_000,
    maxScannedPages: 200,
    ocrLanguages: ["eng"]
});
