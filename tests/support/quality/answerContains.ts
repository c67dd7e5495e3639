import { normalizeForMatch } from "./normalizeForMatch.js";
import type { ExpectedFact } from "./types.js";

/**
 * Whether an answer states one of the fact's acceptable forms, as whole words after normalizing
 * case, punctuation, whitespace and number formatting ("1,850" = "1850", "14th March" = "14 March").
 * Words may also be split or joined differently ("E-314" = "E314"), but never cut: "1782" is not in
 * "17820", nor "14 March" in "2014 March".
 */
export function answerContains(answer: string, fact: ExpectedFact): boolean {
    const words = normalizeForMatch(answer).split(" ").filter((word) => word !== "");
    return fact.answers.some((form) => {
        const target = normalizeForMatch(form).replace(/ /g, "");
        return target !== "" && hasWordRun(words, target);
    });
}

/** Whether some run of consecutive whole words, joined without spaces, equals `target`. */
function hasWordRun(words: readonly string[], target: string): boolean {
    for (let first = 0; first < words.length; first++) {
        let joined = "";
        for (let next = first; next < words.length && joined.length < target.length; next++) {
            joined += words[next];
            if (joined === target) return true;
        }
    }
    return false;
}
