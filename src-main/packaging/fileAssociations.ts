import type { FileAssociation } from "electron-builder";

/** The document types installers offer Locus for ("Open with"): the formats its parser reads. */
export const documentTypes = [
    { ext: ["pdf"], name: "PDF document", mimeType: "application/pdf" },
    { ext: ["docx"], name: "Word document", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    { ext: ["pptx"], name: "PowerPoint presentation", mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
    { ext: ["xlsx"], name: "Excel workbook", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    { ext: ["odt"], name: "OpenDocument text", mimeType: "application/vnd.oasis.opendocument.text" },
    { ext: ["ods"], name: "OpenDocument spreadsheet", mimeType: "application/vnd.oasis.opendocument.spreadsheet" },
    { ext: ["epub"], name: "EPUB e-book", mimeType: "application/epub+zip" },
    { ext: ["rtf"], name: "RTF document", mimeType: "application/rtf" },
    { ext: ["eml"], name: "E-mail message", mimeType: "message/rfc822" },
    { ext: ["md", "markdown"], name: "Markdown document", mimeType: "text/markdown" },
    { ext: ["html", "htm"], name: "HTML document", mimeType: "text/html" },
    { ext: ["txt"], name: "Text document", mimeType: "text/plain" }
] as const;

/**
 * macOS and Linux associations. `Alternate` (macOS) and a plain MimeType entry (Linux .desktop file) list
 * Locus among the apps that open these files without making it their default.
 */
export function fileAssociations(): FileAssociation[] {
    return documentTypes.map((type) => ({ ext: [...type.ext], name: type.name, mimeType: type.mimeType, role: "Viewer", rank: "Alternate" }));
}

/** Every extension, for the Windows installer's "Open with" entries (resources/installer.nsh). */
export function documentExtensions(): string[] {
    return documentTypes.flatMap((type) => [...type.ext]);
}
