/** Words that carry no fact of their own: a sentence is matched to a passage by the others. */
const STOPWORDS = new Set((
    "a an the and or but if then than that this these those there here of in on at to for from by with without into onto " +
    "about as is are was were be been being it its it's they them their he she his her we our you your i me my not no yes " +
    "do does did done has have had will would can could should may might must shall so such also very just only what which " +
    "who whom whose when where why how all any each every some many much more most other same both either neither one " +
    "according source sources document documents says said states stated"
).split(" "));

const WORD = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*/gu;

export type ContentWords = { words: Set<string>; numbers: Set<string> };

/**
 * The words of a text that can carry a fact, lowercased and folded to the singular: names, terms and
 * numbers, without stopwords.
 * Numbers are kept apart, with their digit-group separators removed ("48,300" and "48300" are one).
 */
export function contentWords(text: string): ContentWords {
    const words = new Set<string>();
    const numbers = new Set<string>();
    for (const match of text.toLowerCase().matchAll(WORD)) {
        const word = match[0].replace(/[’']s$/, "");
        if (/^\d[\d,.]*$/.test(word)) {
            numbers.add(word.replace(/,(?=\d{3}\b)/g, "").replace(/\.$/, ""));
            continue;
        }
        for (const part of word.split(/[-’']/)) if (part.length > 1 && !STOPWORDS.has(part)) words.add(singular(part));
    }
    return { words, numbers };
}

/** A crude plural and third-person -s folding, so "closes" meets "close" and "harbors" meets "harbor". */
function singular(word: string): string {
    if (word.length <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
    if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
    if (/(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
    return word.endsWith("s") ? word.slice(0, -1) : word;
}
