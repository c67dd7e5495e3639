import type { CorpusDocument } from "../types.js";

/** The document as Markdown: the title as "#", each section as "##", paragraphs as plain text. */
export function renderMarkdown(document: CorpusDocument): string {
    const blocks = [`# ${document.title}`];
    for (const section of document.sections) blocks.push(`## ${section.heading}`, ...section.paragraphs);
    return `${blocks.join("\n\n")}\n`;
}
