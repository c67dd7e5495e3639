import type { DOMPurify } from "dompurify";
import { linkCitations } from "./linkCitations.js";
import { renderMarkdown } from "./renderMarkdown.js";

/**
 * An answer as safe HTML with its citations as buttons: Markdown rendered and sanitized first
 * (`renderMarkdown`), then `[n]` markers that name one of `citations` turned into buttons by DOM
 * calls in `inert`, a document that never runs or loads anything (e.g. from
 * `document.implementation.createHTMLDocument`). `citations` maps each number to its label.
 */
export function renderAnswer(source: string, citations: ReadonlyMap<number, string>, purify: DOMPurify, inert: Document): string {
    const html = renderMarkdown(source, purify);
    if (citations.size === 0) return html;
    const container = inert.createElement("div");
    // Sanitized just above: the same HTML {@html} would receive, parsed where nothing runs.
    container.innerHTML = html;
    return linkCitations(container, citations) === 0 ? html : container.innerHTML;
}
