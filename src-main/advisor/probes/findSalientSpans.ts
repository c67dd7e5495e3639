/** A span of a sentence that carries a fact: a number (with its unit), a date, a name, or a rare term. */
export type SalientSpan = { text: string; start: number; end: number; kind: "number" | "date" | "name" | "term" };

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const DATE = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})(?: \\d{4})?|(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?(?:, \\d{4})?|\\d{4}-\\d{2}-\\d{2})\\b`, "g");
/** A number, with a percent sign or word ("48,300", "22", "3.8 percent"). */
const NUMBER = /(?<![\w.-])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.-])\d+(?:\.\d+)?(?:%| ?percent)?/g;
/** Two or more capitalized words in a row ("Captain Ysolde Marrack", "Brisk Hollow"). */
const NAME = /\b[A-Z][\p{Ll}'’-]+(?: (?:of |de |van |the )?[A-Z][\p{Ll}'’-]+)+\b/gu;
const WORD = /\b[\p{L}][\p{L}'’-]{6,}\b/gu;

/**
 * The salient spans of a sentence, earliest first and without overlaps (dates before numbers, numbers
 * before names). `isRare` says whether a lowercase word is rare in the library (a term worth asking about).
 */
export function findSalientSpans(sentence: string, isRare: (word: string) => boolean = () => false): SalientSpan[] {
    const found: SalientSpan[] = [];
    const taken = (start: number, end: number) => found.some((span) => start < span.end && end > span.start);
    const add = (text: string, start: number, kind: SalientSpan["kind"]) => {
        const trimmed = text.replace(/[\s,.;:]+$/, "");
        const end = start + trimmed.length;
        if (trimmed.length > 0 && !taken(start, end)) found.push({ text: trimmed, start, end, kind });
    };
    for (const match of sentence.matchAll(DATE)) add(match[0], match.index, "date");
    for (const match of sentence.matchAll(NUMBER)) add(match[0], match.index, "number");
    for (const match of sentence.matchAll(NAME)) {
        // The sentence's first word is capitalized anyway: a name starting there needs two more capitals.
        if (match.index === 0 && match[0].split(" ").length < 3) continue;
        add(match[0], match.index, "name");
    }
    for (const match of sentence.matchAll(WORD)) {
        const word = match[0];
        if (word === word.toLowerCase() && isRare(word)) add(word, match.index, "term");
    }
    return found.sort((a, b) => a.start - b.start);
}
