import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { TextRecognizer } from "../ocr/TextRecognizer.js";
import type { ParseContext } from "../ParseContext.js";
import type { ParsedSection } from "../types.js";
import { renderPageImage } from "./renderPageImage.js";

/**
 * The text of a scanned PDF's pages by text recognition, one page at a time (rendered, recognized,
 * released), each page's text a section with its page number, so citations point at the page.
 * Progress is reported after every page. A page that cannot be rendered or read is skipped.
 */
export async function recognizePages(pdf: PDFDocumentProxy, languages: readonly string[], context: ParseContext): Promise<ParsedSection[]> {
    const pages = pdf.numPages;
    context.reportProgress({ stage: "ocr", page: 0, pages });
    const recognizer = await TextRecognizer.create(languages);
    const sections: ParsedSection[] = [];
    try {
        for (let page = 1; page <= pages; page++) {
            const text = await renderPageImage(pdf, page).then((image) => recognizer.recognize(image)).catch(() => "");
            if (text !== "") sections.push({ text, page, headingPath: [] });
            context.reportProgress({ stage: "ocr", page, pages });
        }
    } finally {
        await recognizer.dispose();
    }
    return sections;
}
