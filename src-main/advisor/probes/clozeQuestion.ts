import type { ProbeFact } from "./ProbeFact.js";

/** The easy probe: the sentence as worded, its span blanked. */
export function clozeQuestion(fact: ProbeFact): string {
    const { sentence, span } = fact;
    return `Fill in the blank: "${sentence.slice(0, span.start)}_____${sentence.slice(span.end)}"`;
}
