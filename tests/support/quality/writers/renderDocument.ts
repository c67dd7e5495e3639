import { documentText } from "../documentText.js";
import type { CorpusDocument } from "../types.js";
import { buildDocx } from "./buildDocx.js";
import { buildPdf } from "./buildPdf.js";
import { renderHtml } from "./renderHtml.js";
import { renderMarkdown } from "./renderMarkdown.js";

/** The bytes of a document's file in its own format. */
export async function renderDocument(document: CorpusDocument): Promise<Uint8Array> {
    switch (document.format) {
        case "pdf":
            return buildPdf(document);
        case "docx":
            return buildDocx(document);
        case "markdown":
            return Buffer.from(renderMarkdown(document), "utf8");
        case "html":
            return Buffer.from(renderHtml(document), "utf8");
        case "text":
            // Plain text is the source text itself: the title, then headings as lines of their own.
            return Buffer.from(documentText(document), "utf8");
    }
}
