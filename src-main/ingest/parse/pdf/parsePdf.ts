import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EncryptedDocumentError } from "../errors/EncryptedDocumentError.js";
import { ScannedPdfError } from "../errors/ScannedPdfError.js";
import { TooManyPagesError } from "../errors/TooManyPagesError.js";
import { languageNames } from "../ocr/languageNames.js";
import type { ParseContext } from "../ParseContext.js";
import type { ParsedDocument, ParsedSection } from "../types.js";
import { loadPdfjs } from "./loadPdfjs.js";
import { pageText } from "./pageText.js";
import { recognizePages } from "./recognizePages.js";

// CMaps let pdf.js map CJK and other CID fonts to text; pdf.js reads them from disk in Node.
const pdfjsDir = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

/**
 * Text of a PDF, one section per page that has any. Pages are read one at a time and released
 * after, so memory holds the file's bytes and one page, not every page's objects. A PDF with no text
 * on any page is a scan: its pages are read by text recognition (up to "Most scanned pages").
 */
export async function parsePdf(source: DocumentSource, context: ParseContext): Promise<ParsedDocument> {
    const { fileName, limits } = source;
    const data = await source.readAll();
    const { getDocument } = await loadPdfjs();
    const task = getDocument({
        data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        // A hostile PDF must never get code generated from its contents (fonts compiled with eval).
        isEvalSupported: false,
        enableXfa: false,
        useSystemFonts: false,
        disableFontFace: true,
        verbosity: 0,
        cMapUrl: join(pdfjsDir, "cmaps") + sep,
        standardFontDataUrl: join(pdfjsDir, "standard_fonts") + sep,
        // JBIG2 and JPEG 2000 decoders, which scanned pages often need.
        wasmUrl: join(pdfjsDir, "wasm") + sep
    });
    let pdf: PDFDocumentProxy;
    try {
        pdf = await task.promise;
    } catch (error) {
        await task.destroy();
        throw openError(fileName, error);
    }
    try {
        if (pdf.numPages > limits.maxPages) {
            throw new TooManyPagesError({ fileName, pageCount: pdf.numPages, limit: limits.maxPages });
        }
        const sections: ParsedSection[] = [];
        const textless: number[] = [];
        let failedPages = 0;
        for (let page = 1; page <= pdf.numPages; page++) {
            const text = await pageText(pdf, page).catch(() => undefined);
            // One damaged page should not cost the reader the other pages.
            if (text === undefined) failedPages++;
            else if (text !== "") sections.push({ text, page, headingPath: [] });
            else textless.push(page);
        }
        if (sections.length === 0 && failedPages === pdf.numPages) {
            throw new CorruptDocumentError({ fileName, formatName: "PDF", reason: "none of its pages could be read" });
        }
        if (sections.length === 0) sections.push(...(await readScan(pdf, source, context)));
        else if (textless.length > 0 && textless.length <= limits.maxScannedPages) {
            // A typed cover with scanned pages behind it: the pages without text are read by recognition too
            // (a blank page costs a second and adds nothing).
            sections.push(...(await recognizePages(pdf, textless, limits.ocrLanguages, context)));
            sections.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
        }
        const title = await documentTitle(pdf);
        return { format: "pdf", ...(title === undefined ? {} : { title }), sections };
    } finally {
        await pdf.destroy();
    }
}

async function readScan(pdf: PDFDocumentProxy, source: DocumentSource, context: ParseContext): Promise<ParsedSection[]> {
    const { fileName, limits } = source;
    const pageCount = pdf.numPages;
    if (pageCount > limits.maxScannedPages) throw new ScannedPdfError({ fileName, pageCount, reason: "too-many-pages", limit: limits.maxScannedPages });
    const sections = await recognizePages(pdf, Array.from({ length: pageCount }, (_, index) => index + 1), limits.ocrLanguages, context);
    if (sections.length === 0) throw new ScannedPdfError({ fileName, pageCount, reason: "nothing-recognized", languages: languageNames(limits.ocrLanguages) });
    return sections;
}

function openError(fileName: string, error: unknown): Error {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") return new EncryptedDocumentError({ fileName, formatName: "PDF" });
    const reason = error instanceof Error ? error.message.slice(0, 200) : "unreadable structure";
    return new CorruptDocumentError({ fileName, formatName: "PDF", reason });
}

async function documentTitle(pdf: PDFDocumentProxy): Promise<string | undefined> {
    const metadata = await pdf.getMetadata().catch(() => undefined);
    const title: unknown = (metadata?.info as Record<string, unknown> | undefined)?.["Title"];
    return typeof title === "string" && title.trim() !== "" ? title.trim() : undefined;
}
