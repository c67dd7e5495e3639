// Shared vocabulary of document parsing: what a parsed file looks like, and the limits that keep a
// hostile file from exhausting time or memory.

/** `table`: a spreadsheet or CSV, read row by row under its header. */
export type DocumentFormat = "pdf" | "docx" | "markdown" | "html" | "text" | "table";

export interface ParsedSection {
    text: string;
    /** 1-based page number (PDF only). */
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
    /** Wall time for one file; past it the parser process is killed. */
    timeoutMs: number;
}

export const defaultParseLimits: Readonly<ParseLimits> = Object.freeze({
    maxBytes: 512 * 1024 * 1024,
    maxPages: 5_000,
    maxInflatedBytes: 200 * 1024 * 1024,
    maxZipEntries: 10_000,
    maxHtmlDepth: 512,
    timeoutMs: 120_000
});
