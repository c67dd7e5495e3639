// Shared vocabulary of document parsing: what a parsed file looks like, and the limits that keep a
// hostile file from exhausting time or memory.

/**
 * `table`: a spreadsheet (XLSX, ODS) or CSV, read row by row under its header; `presentation`: PPTX;
 * `email`: one message (EML) or a mailbox (MBOX, whose messages are its parts); `image`: a picture of text, read by OCR.
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
    /**
     * Documents inside the file, each indexed, listed and cited on its own (the messages of a mailbox).
     * A file with parts has no sections of its own.
     */
    parts?: ParsedPart[];
    /** Parts that could not be read and were left out (a damaged message in a mailbox). */
    unreadableParts?: number;
}

/** One document inside a file: a message of a mailbox. */
export interface ParsedPart {
    /**
     * Its identity in the file, kept when the file changes around it: the message's Message-ID ("#2",
     * "#3" for different messages sharing one), or a hash of its bytes when it has none.
     */
    key: string;
    /** SHA-256 (hex) of the part's own bytes: an unchanged message is not written again. */
    contentHash: string;
    /** Size of the part's own bytes in the file. */
    sizeBytes: number;
    title: string;
    /** Who sent it ("Ada Lovelace <ada@example.com>"); "" when the message does not say. */
    sender: string;
    /** When it was sent ("2024-03-01 09:30 UTC"); "" when the message has no valid date. */
    date: string;
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
    /** Most messages read from one mailbox; a larger one fails with the reason, naming the setting. */
    maxMessages: number;
}

export const defaultParseLimits: Readonly<ParseLimits> = Object.freeze({
    maxBytes: 512 * 1024 * 1024,
    maxPages: 5_000,
    maxInflatedBytes: 200 * 1024 * 1024,
    maxZipEntries: 10_000,
    maxHtmlDepth: 512,
    timeoutMs: 120_000,
    maxScannedPages: 200,
    ocrLanguages: ["eng"],
    maxMessages: 20_000
});
