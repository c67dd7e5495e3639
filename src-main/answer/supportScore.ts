import type { ContentWords } from "./contentWords.js";

/**
 * How well a passage supports a sentence, from 0 to 1: the share of the sentence's content words that
 * the passage contains (or, given several, that one of them contains). A number in the sentence that the passage lacks makes it 0: a claim with a figure
 * the source does not hold is not supported by that source, however many other words they share.
 */
export function supportScore(sentence: ContentWords, ...passages: ContentWords[]): number {
    for (const number of sentence.numbers) if (!passages.some((passage) => passage.numbers.has(number))) return 0;
    const total = sentence.words.size + sentence.numbers.size;
    if (total === 0) return 0;
    let found = sentence.numbers.size;
    for (const word of sentence.words) if (passages.some((passage) => passage.words.has(word))) found++;
    return found / total;
}
