import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { TextRecognizer } from "../ocr/TextRecognizer.js";
import type { ParseContext } from "../ParseContext.js";
import type { ParsedSection } from "../types.js";
import { renderPageImage } from "./renderPageImage.js";

/**
 * The text of scanned PDF pages (`pageNumbers`) by text recognition, one page at a time (rendered,
 * recognized, released), each page's text a section with its page number, so citations point at the
 * page. Progress is reported after every page. A page that cannot be rendered or read is skipped.
 */
export async function recognizePages(
    pdf: PDFDocumentProxy, pageNumbers: readonly number[], languages: readonly string[], context: ParseContext
): Promise<ParsedSection[]> {
    const pages = pageNumbers.length;
    context.reportProgress({ stage: "ocr", page: 0, pages });
    const recognizer = await TextRecognizer.create(languages);
    const sections: ParsedSection[] = [];
    try {
        for (const [index, page] of pageNumbers.entries()) {
            const text = await renderPageImage(pdf, page).then((image) => recognizer.recognize(image)).catch(() => "");
            if (text !== "") sections.push({ text, page, headingPath: [] });
            context.reportProgress({ stage: "ocr", page: index + 1, pages });
        }
    } finally {
        await recognizer.dispose();
    }
    return sections;
}
