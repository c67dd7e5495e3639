import { normalizeForMatch } from "./normalizeForMatch.js";
import type { ExpectedFact } from "./types.js";

/**
 * Whether a passage (a cited chunk, a retrieved passage) holds the fact's source sentence, compared
 * after normalizing case, punctuation and whitespace (a PDF's line breaks, Markdown's blank lines).
 * The sentence, not merely the answer span, is required: the corpus repeats numbers and dates in
 * distractor sentences about other things, and a passage holding only those does not hold the fact.
 */
export function passageHoldsFact(passageText: string, fact: ExpectedFact): boolean {
    const sentence = normalizeForMatch(fact.passage);
    return sentence !== "" && ` ${normalizeForMatch(passageText)} `.includes(` ${sentence} `);
}
