import type { CorpusDocument } from "./types.js";

/**
 * The source text of a document: title, then each heading and its paragraphs, blank lines between.
 * Every written format holds these same paragraphs, so a passage of this text is a passage of the file.
 */
export function documentText(document: CorpusDocument): string {
    const blocks = [document.title];
    for (const section of document.sections) blocks.push(section.heading, ...section.paragraphs);
    return `${blocks.join("\n\n")}\n`;
}
