/**
 * File extensions collected when they are found inside an added folder: the formats the parser names
 * (PDF, Office, OpenDocument, EPUB, RTF, e-mail, Markdown, HTML, text, CSV/TSV tables) and prose-like
 * plain-text markups. Data and code files (.json, .js...) would fill a library with noise when someone
 * adds a project folder. Shared so the renderer can refuse an attachment of another type at once.
 */
export const folderExtensions: ReadonlySet<string> = new Set([
    ".pdf", ".docx", ".docm", ".pptx", ".pptm", ".xlsx", ".xlsm", ".ods", ".odt", ".epub", ".rtf", ".eml", ".mbox",
    ".md", ".markdown", ".mdown", ".mkd",
    ".html", ".htm", ".xhtml",
    ".txt", ".text", ".rst", ".adoc", ".asciidoc", ".org", ".tex",
    // Tables people keep as documents (read row by row under their header).
    ".csv", ".tsv"
]);

/**
 * Pictures, read by text recognition. They are collected from folders only when the person asks for it
 * in Settings ("Read text in pictures found in folders"): a folder of photos would cost about a second of
 * recognition each, to find no text.
 */
export const pictureExtensions: ReadonlySet<string> = new Set([".png", ".jpg", ".jpeg"]);

/**
 * Every type Locus reads when a file is given one by one (added, opened with Locus, attached to a chat):
 * the folder types and pictures.
 */
export const readableExtensions: ReadonlySet<string> = new Set([...folderExtensions, ...pictureExtensions]);

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
        "Attach a document (PDF, Office, OpenDocument, EPUB, RTF, e-mail, Markdown, HTML, CSV or plain text) or a picture of text (PNG, JPEG).";
}
