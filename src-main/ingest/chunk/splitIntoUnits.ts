import { trimSpan } from "./trimSpan.js";
import type { TextUnit } from "./types.js";

// ICU's sentence rules work across languages (CJK full stops included); the segmenter holds no state.
const sentences = new Intl.Segmenter(undefined, { granularity: "sentence" });
const blankLines = /\n[^\S\n]*\n\s*/g;

/**
 * Splits section text into paragraphs (at blank lines) and paragraphs into sentences, as trimmed
 * spans of the original text. Single line breaks inside a paragraph (a PDF's wrapped lines) do not end
 * a sentence.
 */
export function splitIntoUnits(text: string): TextUnit[] {
    const units: TextUnit[] = [];
    let paragraphStart = 0;
    for (const match of text.matchAll(blankLines)) {
        addParagraph(text, paragraphStart, match.index, units);
        paragraphStart = match.index + match[0].length;
    }
    addParagraph(text, paragraphStart, text.length, units);
    return units;
}

function addParagraph(text: string, start: number, end: number, units: TextUnit[]): void {
    // Same length as the original, so segment offsets are offsets into `text`.
    const flattened = text.slice(start, end).replace(/[\r\n]/g, " ");
    const before = units.length;
    for (const segment of sentences.segment(flattened)) {
        const span = trimSpan(text, start + segment.index, start + segment.index + segment.segment.length);
        if (span !== undefined) units.push({ ...span, paragraphEnd: false });
    }
    if (units.length > before) units[units.length - 1]!.paragraphEnd = true;
}
