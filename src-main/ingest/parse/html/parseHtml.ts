import { parseHTML } from "linkedom";
import type { DocumentSource } from "../DocumentSource.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { decodeText } from "../text/decodeText.js";
import type { ParsedDocument } from "../types.js";
import { extractArticle } from "./extractArticle.js";
import { flattenDeepMarkup } from "./flattenDeepMarkup.js";
import { sectionsFromDom, type DomNode } from "./sectionsFromDom.js";

/**
 * The readable text of a web page, split at headings. Readability picks the main content when it can
 * (scripts, navigation and footers dropped); otherwise the whole body is read, minus page furniture.
 * Nothing is fetched or run: linkedom builds an inert tree, and scripts are skipped.
 */
export async function parseHtml(source: DocumentSource): Promise<ParsedDocument> {
    const html = flattenDeepMarkup(decodeText(source.head, await source.readAll()), source.limits.maxHtmlDepth);
    const { document } = parseHTML(html);
    const pageTitle = String(document.title ?? "").trim();
    const article = extractArticle(document);
    let result = article && sectionsFromDom(bodyOf(`<html><body>${article.html}</body></html>`), { skipBoilerplate: false });
    if (result === undefined || result.sections.length === 0) {
        // Readability changed `document`, so the page is parsed again to be read whole.
        result = sectionsFromDom(bodyOf(html), { skipBoilerplate: true });
    }
    if (result.sections.length === 0) throw new EmptyDocumentError({ fileName: source.fileName, reason: "no-text" });
    const title = pageTitle || article?.title || result.firstHeading;
    return { format: "html", ...(title ? { title } : {}), sections: result.sections };
}

function bodyOf(html: string): DomNode {
    const { document } = parseHTML(html);
    return (document.body ?? document.documentElement) as DomNode;
}
