import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of one PDF page, lines kept, surrounding blank space trimmed; "" when it has none. */
export async function pageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<string> {
    const page = await pdf.getPage(pageNumber);
    try {
        const content = await page.getTextContent();
        let text = "";
        for (const item of content.items) {
            if (!("str" in item)) continue;
            text += item.str;
            if (item.hasEOL) text += "\n";
        }
        return text
            .split("\n")
            .map((line) => line.replace(/\s+/g, " ").trim())
            .join("\n")
            .replace(/\n{3,}/g, "\n\n")
            .trim();
    } finally {
        // Drops the page's parsed fonts and operator lists, so a long PDF does not pile them up.
        page.cleanup();
    }
}
