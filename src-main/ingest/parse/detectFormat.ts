import { extname } from "node:path";
import { CorruptDocumentError } from "./errors/CorruptDocumentError.js";
import { UnsupportedDocumentError } from "./errors/UnsupportedDocumentError.js";
import { detectEncoding } from "./text/detectEncoding.js";

/** Which reader a file goes to: finer than DocumentFormat (an XLSX and a CSV are both tables). */
export type ReaderKind =
    | "pdf" | "image" | "docx" | "pptx" | "xlsx" | "ods" | "odt" | "epub" | "rtf" | "eml" | "mbox" | "markdown" | "html" | "text" | "csv";

interface Signature {
    bytes: number[];
    detected: string;
    advice?: string;
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const officeAdvice = "Open it in its app and save it as .docx, .xlsx, .pptx or PDF, without a password.";

/** Binary formats people are likely to drop in by mistake, named so the message can say what they are. */
const binarySignatures: Signature[] = [
    { bytes: oleMagic, detected: "an old-format or password-protected Office file", advice: officeAdvice },
    { bytes: [0x47, 0x49, 0x46, 0x38], detected: "a GIF image" },
    { bytes: [0x1f, 0x8b], detected: "a gzip archive", advice: "Unpack it and add the documents inside." },
    { bytes: [0x37, 0x7a, 0xbc, 0xaf], detected: "a 7-Zip archive", advice: "Unpack it and add the documents inside." },
    { bytes: [0x52, 0x61, 0x72, 0x21], detected: "a RAR archive", advice: "Unpack it and add the documents inside." },
    { bytes: [0x7f, 0x45, 0x4c, 0x46], detected: "a program (ELF)" },
    { bytes: [0x4d, 0x5a], detected: "a program (EXE)" }
];

const rtfMagic = [0x7b, 0x5c, 0x72, 0x74, 0x66];
const pngMagic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const jpegMagic = [0xff, 0xd8, 0xff];
const imageExtensions = new Set([".png", ".jpg", ".jpeg"]);

/** Zip packages by extension. */
const zipKinds: Record<string, ReaderKind> = {
    ".docx": "docx", ".docm": "docx", ".pptx": "pptx", ".pptm": "pptx", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".ods": "ods", ".odt": "odt", ".epub": "epub"
};

/**
 * Zip packages that name their type in a first, uncompressed "mimetype" entry (OpenDocument, EPUB),
 * recognized whatever the file is called.
 */
const zipMimeTypes: Record<string, ReaderKind> = {
    "application/epub+zip": "epub",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods"
};

/** Office formats that are zips but hold no text Locus reads: named so the message can say what to do. */
const otherZipKinds: Record<string, string> = {
    ".odp": "an OpenDocument presentation",
    ".odg": "an OpenDocument drawing",
    ".xlsb": "a binary Excel workbook",
    ".ppsx": "a PowerPoint show",
    ".dotx": "a Word template"
};

const extensionFormats: Record<string, ReaderKind> = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".csv": "csv",
    ".tsv": "csv",
    ".eml": "eml",
    ".mbox": "mbox",
    ".mbx": "mbox"
};

/**
 * Decides how to read a file from its extension and its first bytes. The content wins when they
 * disagree in a way that matters: a PDF named .txt is read as a PDF; random bytes named .pdf are
 * reported as not a PDF; any other file is read as text if it decodes as text.
 */
export function detectFormat(fileName: string, head: Uint8Array): ReaderKind {
    const extension = extname(fileName).toLowerCase();
    // The PDF header may follow some junk; readers accept it anywhere in the first 1 KB.
    if (Buffer.from(head.subarray(0, 1024)).includes("%PDF-")) return "pdf";
    if (extension === ".pdf") {
        throw new CorruptDocumentError({ fileName, formatName: "PDF", reason: "it has no PDF header" });
    }
    if (startsWith(head, zipMagic)) {
        const kind = zipMimeType(head) ?? zipKinds[extension];
        if (kind !== undefined) return kind;
        const other = otherZipKinds[extension];
        if (other !== undefined) throw new UnsupportedDocumentError({ fileName, detected: other, advice: "Save it as PDF in its app." });
        throw new UnsupportedDocumentError({ fileName, detected: "a zip archive", advice: "Unpack it and add the documents inside." });
    }
    const zipKind = zipKinds[extension];
    if (zipKind !== undefined && !startsWith(head, oleMagic)) {
        throw new CorruptDocumentError({ fileName, formatName: readerNames[zipKind], reason: "it is not a zip package" });
    }
    if (startsWith(head, rtfMagic)) return "rtf";
    if (startsWith(head, pngMagic) || startsWith(head, jpegMagic)) return "image";
    if (imageExtensions.has(extension)) {
        throw new CorruptDocumentError({ fileName, formatName: extension === ".png" ? "PNG image" : "JPEG image", reason: "it is not a PNG or JPEG picture inside" });
    }
    const signature = binarySignatures.find((candidate) => startsWith(head, candidate.bytes));
    if (signature !== undefined) {
        const { detected, advice } = signature;
        throw new UnsupportedDocumentError({ fileName, detected, ...(advice === undefined ? {} : { advice }) });
    }
    if (detectEncoding(head) === "binary") {
        throw new UnsupportedDocumentError({ fileName, detected: "a binary file" });
    }
    const byExtension = extensionFormats[extension];
    if (byExtension !== undefined) return byExtension;
    if (extension === "" && looksLikeHtml(head)) return "html";
    if ((extension === "" || extension === ".txt") && looksLikeMbox(head)) return "mbox";
    return "text";
}

/** Each reader's format in words, for messages. */
export const readerNames: Readonly<Record<ReaderKind, string>> = {
    pdf: "PDF", image: "picture", docx: "Word document", pptx: "PowerPoint presentation", xlsx: "Excel workbook", ods: "OpenDocument spreadsheet",
    odt: "OpenDocument text", epub: "EPUB e-book", rtf: "RTF document", eml: "e-mail message", mbox: "mailbox",
    markdown: "Markdown file", html: "web page", text: "text file", csv: "CSV table"
};

/** The "mimetype" entry of an OpenDocument or EPUB package: the first entry, stored uncompressed. */
function zipMimeType(head: Uint8Array): ReaderKind | undefined {
    const bytes = Buffer.from(head);
    if (bytes.length < 38 || bytes.readUInt16LE(8) !== 0 || bytes.subarray(30, 38).toString("latin1") !== "mimetype") return undefined;
    const nameLength = bytes.readUInt16LE(26);
    const extraLength = bytes.readUInt16LE(28);
    const size = Math.min(bytes.readUInt32LE(18), 100);
    const start = 30 + nameLength + extraLength;
    return zipMimeTypes[bytes.subarray(start, start + size).toString("latin1").trim()];
}

/** An mbox export starts with a "From " separator line followed by mail headers. */
function looksLikeMbox(head: Uint8Array): boolean {
    const start = Buffer.from(head.subarray(0, 4096)).toString("latin1");
    return /^From \S+.*\r?\n[A-Za-z-]+: /.test(start);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
    return prefix.every((byte, index) => bytes[index] === byte);
}

/** Only for files without an extension: a named .txt stays text even if it holds markup. */
function looksLikeHtml(head: Uint8Array): boolean {
    const start = Buffer.from(head.subarray(0, 512)).toString("latin1").trimStart().toLowerCase();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}
