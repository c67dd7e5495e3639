import { contentWords } from "../../answer/contentWords.js";
import type { ProbeFact } from "./ProbeFact.js";

/**
 * Whether a question a chat model wrote for a fact can stand as a probe: one question, of sensible length,
 * that does not give the answer away, and shares enough of the source sentence's words to be answerable
 * from it (a question about something else, or a copy of the sentence, is refused).
 */
export function acceptModelQuestion(question: string, fact: ProbeFact): boolean {
    const text = question.trim();
    if (!text.endsWith("?") || text.split("?").length !== 2) return false;
    const words = text.split(/\s+/).length;
    if (words < 4 || words > 30) return false;
    const lower = text.toLowerCase();
    if (lower.includes(fact.span.text.toLowerCase())) return false;
    const asked = contentWords(text);
    const source = contentWords(fact.sentence);
    let shared = 0;
    for (const word of asked.words) if (source.words.has(word)) shared++;
    // Answerable from the sentence, yet not the sentence itself with a question mark.
    return shared >= 2 && shared < source.words.size;
}
