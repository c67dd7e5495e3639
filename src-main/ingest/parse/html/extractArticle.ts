import { Readability } from "@mozilla/readability";
import { headingLevelAttribute, type DomNode } from "./sectionsFromDom.js";

/**
 * Readability's time grows steeply with nesting depth (depth 100: 0.2 s, depth 1,000: 10 s on one
 * core); articles are far shallower, so deeper pages are read whole instead.
 */
const maxReadabilityDepth = 100;
/** Readability gives up (throws) past this many elements; the whole body is read instead. */
const maxReadabilityElements = 100_000;

interface LinkedomDocument {
    body: DomNode | null;
    querySelectorAll(selector: string): Iterable<{ nodeName: string; setAttribute(name: string, value: string): void }>;
}

/**
 * The main content of a web page as HTML (navigation, scripts, ads and footers removed), or
 * undefined when no article stands out. Changes `document`: parse the page again to read it whole.
 */
export function extractArticle(document: LinkedomDocument): { html: string; title?: string } | undefined {
    if (document.body === null || elementDepth(document.body) > maxReadabilityDepth) return undefined;
    for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
        heading.setAttribute(headingLevelAttribute, heading.nodeName.slice(1));
    }
    try {
        const article = new Readability(document as never, { maxElemsToParse: maxReadabilityElements }).parse();
        const html = article?.content;
        if (typeof html !== "string" || (article?.textContent ?? "").trim() === "") return undefined;
        const title = article?.title?.trim();
        return title ? { html, title } : { html };
    } catch {
        return undefined;
    }
}

/** Deepest element nesting under `root`, found without recursion. */
function elementDepth(root: DomNode): number {
    let deepest = 0;
    const stack: Array<[DomNode, number]> = [[root, 0]];
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
        const [node, depth] = item;
        if (depth > deepest) deepest = depth;
        if (deepest > maxReadabilityDepth) return deepest;
        for (let child = node.firstChild; child !== null; child = child.nextSibling) {
            if (child.nodeType === 1) stack.push([child, depth + 1]);
        }
    }
    return deepest;
}
