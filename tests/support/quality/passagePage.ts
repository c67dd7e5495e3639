import { findDocument } from "./findDocument.js";
import type { ExpectedFact } from "./types.js";

/**
 * The 1-based PDF page that holds a fact's passage, so a test can check page citations; undefined
 * for a document that is not a PDF, or a passage the document does not hold.
 */
export function passagePage(fact: ExpectedFact): number | undefined {
    const document = findDocument(fact.document);
    if (document.format !== "pdf") return undefined;
    return document.sections.find((section) => section.paragraphs.some((paragraph) => paragraph.includes(fact.passage)))?.page;
}
