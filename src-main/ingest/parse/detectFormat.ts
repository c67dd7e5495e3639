import { extname } from "node:path";
import { CorruptDocumentError } from "./errors/CorruptDocumentError.js";
import { UnsupportedDocumentError } from "./errors/UnsupportedDocumentError.js";
import { detectEncoding } from "./text/detectEncoding.js";
import type { DocumentFormat } from "./types.js";

interface Signature {
    bytes: number[];
    detected: string;
    advice?: string;
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const officeAdvice = "Open it in its app and save it as .docx or PDF, without a password.";

/** Binary formats people are likely to drop in by mistake, named so the message can say what they are. */
const binarySignatures: Signature[] = [
    { bytes: oleMagic, detected: "an old-format or password-protected Office file", advice: officeAdvice },
    { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], detected: "an RTF document", advice: "Save it as .docx or PDF." },
    { bytes: [0x89, 0x50, 0x4e, 0x47], detected: "a PNG image" },
    { bytes: [0xff, 0xd8, 0xff], detected: "a JPEG image" },
    { bytes: [0x47, 0x49, 0x46, 0x38], detected: "a GIF image" },
    { bytes: [0x1f, 0x8b], detected: "a gzip archive", advice: "Unpack it and add the documents inside." },
    { bytes: [0x37, 0x7a, 0xbc, 0xaf], detected: "a 7-Zip archive", advice: "Unpack it and add the documents inside." },
    { bytes: [0x52, 0x61, 0x72, 0x21], detected: "a RAR archive", advice: "Unpack it and add the documents inside." },
    { bytes: [0x7f, 0x45, 0x4c, 0x46], detected: "a program (ELF)" },
    { bytes: [0x4d, 0x5a], detected: "a program (EXE)" }
];

const zipKinds: Record<string, string> = {
    ".xlsx": "an Excel workbook",
    ".pptx": "a PowerPoint presentation",
    ".odt": "an OpenDocument text",
    ".epub": "an EPUB e-book"
};

const extensionFormats: Record<string, DocumentFormat> = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".csv": "table",
    ".tsv": "table"
};

/**
 * Decides how to read a file from its extension and its first bytes. The content wins when they
 * disagree in a way that matters: a PDF named .txt is read as a PDF; random bytes named .pdf are
 * reported as not a PDF; any other file is read as text if it decodes as text.
 */
export function detectFormat(fileName: string, head: Uint8Array): DocumentFormat {
    const extension = extname(fileName).toLowerCase();
    // The PDF header may follow some junk; readers accept it anywhere in the first 1 KB.
    if (Buffer.from(head.subarray(0, 1024)).includes("%PDF-")) return "pdf";
    if (extension === ".pdf") {
        throw new CorruptDocumentError({ fileName, formatName: "PDF", reason: "it has no PDF header" });
    }
    if (startsWith(head, zipMagic)) {
        if (extension === ".docx") return "docx";
        const detected = zipKinds[extension] ?? "a zip archive";
        const advice = detected === "a zip archive" ? "Unpack it and add the documents inside." : "Save it as .docx or PDF.";
        throw new UnsupportedDocumentError({ fileName, detected, advice });
    }
    if (extension === ".docx" && !startsWith(head, oleMagic)) {
        throw new CorruptDocumentError({ fileName, formatName: "Word document", reason: "it is not a zip package" });
    }
    const signature = binarySignatures.find((candidate) => startsWith(head, candidate.bytes));
    if (signature !== undefined) {
        const { detected, advice } = signature;
        throw new UnsupportedDocumentError({ fileName, detected, ...(advice === undefined ? {} : { advice }) });
    }
    if (detectEncoding(head) === "binary") {
        throw new UnsupportedDocumentError({ fileName, detected: "a binary file" });
    }
    return extensionFormats[extension] ?? (extension === "" && looksLikeHtml(head) ? "html" : "text");
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
    return prefix.every((byte, index) => bytes[index] === byte);
}

/** Only for files without an extension: a named .txt stays text even if it holds markup. */
function looksLikeHtml(head: Uint8Array): boolean {
    const start = Buffer.from(head.subarray(0, 512)).toString("latin1").trimStart().toLowerCase();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}
