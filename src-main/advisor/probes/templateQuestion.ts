import type { ProbeFact } from "./ProbeFact.js";

/**
 * The medium probe when no model wrote one: the sentence turned into a question, its span replaced by a
 * question phrase that fits the kind of span ("on what date", "how many marble tokens", "is who").
 */
export function templateQuestion(fact: ProbeFact): string {
    const { sentence, span } = fact;
    const before = sentence.slice(0, span.start).replace(/\s+$/, "");
    const followedByWord = /^ [a-z]/.test(sentence.slice(span.end));
    const previous = /(\w+)$/.exec(before)?.[1]?.toLowerCase() ?? "";
    const phrase = span.kind === "date" ? "what date"
        : span.kind === "number" ? (/%|percent/.test(span.text) ? "what percentage" : followedByWord ? "how many" : "what number")
            : span.kind === "name" && ["is", "was", "are", "were", "by"].includes(previous) ? "who" : "what";
    const after = sentence.slice(span.end).replace(/[.!]+\s*$/, "").replace(/\s+$/, "");
    return `${before} ${phrase}${after}?`.replace(/\s+/g, " ").trim();
}
