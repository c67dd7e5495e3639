/**
 * File extensions Locus reads as documents: the formats the parser names (PDF, Word, Markdown, HTML,
 * text, CSV/TSV tables) and prose-like plain-text markups. Shared so the renderer can refuse another type at once,
 * before anything is sent or created.
 */
export const readableExtensions: ReadonlySet<string> = new Set([
    ".pdf", ".docx",
    ".md", ".markdown", ".mdown", ".mkd",
    ".html", ".htm", ".xhtml",
    ".txt", ".text", ".rst", ".adoc", ".asciidoc", ".org", ".tex",
    // Tables people keep as documents (read row by row under their header).
    ".csv", ".tsv"
]);

/** The lower-case extension of a file name ("" when it has none). */
export function extensionOf(fileName: string): string {
    const dot = fileName.lastIndexOf(".");
    return dot <= 0 ? "" : fileName.slice(dot).toLowerCase();
}

/** Why a file cannot be attached, in words naming it and what Locus reads; null when its type is readable. */
export function unreadableTypeReason(fileName: string): string | null {
    const extension = extensionOf(fileName);
    if (readableExtensions.has(extension)) return null;
    return `Locus cannot read ${extension === "" ? "files without an extension" : `${extension} files`} (${fileName}). ` +
        "Attach a PDF, Word (.docx), Markdown, HTML, CSV/TSV or plain-text file.";
}
