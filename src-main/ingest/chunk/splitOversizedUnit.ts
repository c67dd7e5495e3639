import { trimSpan } from "./trimSpan.js";
import type { CountedUnit, TextUnit } from "./types.js";

/**
 * Cuts a unit of more than `budget` tokens (a run-on sentence, a table, text without punctuation) into
 * pieces that fit: the longest prefix that fits is found by binary search on its token count, then
 * moved back to a line break or a space when one is in its second half, so words stay whole.
 */
export function splitOversizedUnit(text: string, unit: TextUnit, budget: number, countTokens: (text: string) => number): CountedUnit[] {
    const pieces: CountedUnit[] = [];
    let start = unit.start;
    for (;;) {
        // Only a window a piece could fill is tokenized, never the whole rest: a 10 MB line without
        // punctuation is then cut in linear time, not quadratic. A token longer than the assumed
        // maximum only makes a piece shorter than the budget.
        const windowEnd = Math.min(unit.end, start + budget * maxCharsPerToken);
        const tokens = countTokens(text.slice(start, windowEnd));
        if (tokens <= budget && windowEnd === unit.end) {
            pieces.push({ start, end: unit.end, tokens, paragraphEnd: unit.paragraphEnd });
            return pieces;
        }
        const fitting = tokens <= budget ? windowEnd : longestFittingEnd(text, start, windowEnd, budget, countTokens);
        const cut = breakBefore(text, start, fitting);
        const piece = trimSpan(text, start, cut);
        if (piece !== undefined) pieces.push({ ...piece, tokens: countTokens(text.slice(piece.start, piece.end)), paragraphEnd: false });
        start = trimSpan(text, cut, unit.end)?.start ?? unit.end;
        if (start >= unit.end) return pieces;
    }
}

/** Longer than nearly every token of real vocabularies (their longest are runs of spaces or dashes). */
const maxCharsPerToken = 24;

/** The largest end in (start, end) whose prefix fits the budget; at least one whole code point. */
function longestFittingEnd(text: string, start: number, end: number, budget: number, countTokens: (text: string) => number): number {
    let low = codePointEnd(text, start);
    let high = end - 1;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (countTokens(text.slice(start, middle)) <= budget) low = middle;
        else high = middle - 1;
    }
    return keepSurrogatePair(text, start, low);
}

/** Moves a cut back to just after the last line break, else the last space, if either is in the second half. */
function breakBefore(text: string, start: number, cut: number): number {
    const half = start + Math.floor((cut - start) / 2);
    const slice = text.slice(start, cut);
    for (const separator of ["\n", " "]) {
        const at = slice.lastIndexOf(separator);
        if (at >= 0 && start + at + 1 > half) return start + at + 1;
    }
    return cut;
}

function codePointEnd(text: string, start: number): number {
    return start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
}

/** Never ends a piece between the two halves of a surrogate pair. */
function keepSurrogatePair(text: string, start: number, cut: number): number {
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff && cut - 1 > start) return cut - 1;
    return cut;
}
