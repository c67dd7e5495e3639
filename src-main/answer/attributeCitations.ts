import { contentWords, type ContentWords } from "./contentWords.js";
import { supportScore } from "./supportScore.js";
import type { NumberedSource } from "./types.js";

const MARKERS = /\s*\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;
/** Citations the model wrote are kept when their passages together hold at least half of the sentence's content words… */
const KEEP = 0.5;
/** …each of them holding a part of it. */
const CONTRIBUTE = 0.25;
/** A citation is added (or replaces unsupported ones) only when one passage holds most of the sentence. */
const ATTRIBUTE = 0.7;
/** Sentences with fewer content words than this ("Yes.", "See below.") are left as written. */
const MIN_WORDS = 2;

/**
 * Checks every sentence's citations against the passages they name, as a careful reader would: a citation
 * whose passage does not hold the sentence's words (or holds other figures) is moved to the passage that
 * does, or removed when none does; a sentence copied from a passage without a citation gets one. Small
 * models quote well but cite poorly, so the sources a person sees point at where the words really are.
 */
export function attributeCitations(answer: string, sources: readonly NumberedSource[]): string {
    const passages = new Map<number, ContentWords>(sources.map((source) => [source.number, contentWords(source.chunk.text)]));
    return splitSentences(answer).map((sentence) => recite(sentence, passages)).join("");
}

function recite(sentence: string, passages: ReadonlyMap<number, ContentWords>): string {
    const written = [...sentence.matchAll(MARKERS)].flatMap((match) => match[1]!.split(",").map((n) => Number(n.trim())));
    const claim = sentence.replace(MARKERS, "");
    // A question asserts nothing a source could support (small models echo the question back).
    if (/\?["')\]*_]*\s*$/.test(claim)) return claim;
    const words = contentWords(claim);
    if (words.words.size + words.numbers.size < MIN_WORDS) return sentence;

    const score = (number: number) => {
        const passage = passages.get(number);
        return passage == null ? 0 : supportScore(words, passage);
    };
    const kept = new Set(written.filter((number) => score(number) >= CONTRIBUTE));
    if (kept.size > 0 && supportScore(words, ...[...kept].map((number) => passages.get(number)!)) >= KEEP)
        return written.every((number) => kept.has(number)) ? sentence : keepOnly(sentence, kept);
    let best: { number: number; score: number } | null = null;
    for (const number of passages.keys()) {
        const s = score(number);
        if (s >= ATTRIBUTE && (best == null || s > best.score)) best = { number, score: s };
    }
    return placeCitation(claim, best == null ? [] : [best.number]);
}

/** Removes the citations not in `kept`, leaving the others where the model put them. */
function keepOnly(sentence: string, kept: ReadonlySet<number>): string {
    return sentence.replace(MARKERS, (marker, list: string) => {
        const numbers = list.split(",").map((n) => Number(n.trim())).filter((n) => kept.has(n));
        return numbers.length === 0 ? "" : marker.replace(/\[.*\]/, `[${numbers.join(", ")}]`);
    });
}

/** Puts `[n, m]` at the end of the sentence, before its closing punctuation and trailing space. */
function placeCitation(claim: string, numbers: readonly number[]): string {
    if (numbers.length === 0) return claim;
    const match = /([.!?:;]*["')\]*_]*)(\s*)$/.exec(claim);
    const tail = match?.[0] ?? "";
    const body = claim.slice(0, claim.length - tail.length).replace(/\s+$/, "");
    return `${body} [${numbers.join(", ")}]${match?.[1] ?? ""}${match?.[2] ?? ""}`;
}

/**
 * Sentences of the answer, which join back to it exactly. Citation markers that open a segment ("… day. [2]")
 * belong to the sentence before them.
 */
export function splitSentences(text: string): string[] {
    const segments = [...new Intl.Segmenter("en", { granularity: "sentence" }).segment(text)].map((s) => s.segment);
    const sentences: string[] = [];
    for (const segment of segments) {
        const leading = /^(\s*\[\d{1,3}(?:\s*,\s*\d{1,3})*\])+[.!?]?/.exec(segment);
        if (leading != null && sentences.length > 0) {
            sentences[sentences.length - 1] += leading[0];
            const rest = segment.slice(leading[0].length);
            if (rest !== "") sentences.push(rest);
        } else sentences.push(segment);
    }
    return sentences;
}
