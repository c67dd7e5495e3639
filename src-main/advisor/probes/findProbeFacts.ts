import { splitSentences } from "../../answer/attributeCitations.js";
import { findSalientSpans } from "./findSalientSpans.js";
import type { ProbeFact } from "./ProbeFact.js";

export type ProbeChunk = { id: number; documentId: string; text: string };

const ANAPHORIC = /^(?:it|its|they|their|them|this|these|those|that|he|she|his|her|such|one|there)\b/i;
/** Dates and figures make the clearest questions, then names, then rare terms. */
const PRIORITY = { date: 0, number: 1, name: 2, term: 3 } as const;

/**
 * Facts worth asking about in these chunks: in each plain declarative sentence of 6 to 45 words that does not
 * lean on the one before it, the last salient span of the clearest kind that is not at its very start (the
 * words before it are the context a question keeps).
 * One fact per sentence; sentences repeated across the library (boilerplate) are skipped.
 */
export function findProbeFacts(chunks: readonly ProbeChunk[], isRare: (word: string) => boolean): ProbeFact[] {
    const seen = new Set<string>();
    const facts: ProbeFact[] = [];
    for (const chunk of chunks) {
        for (const raw of splitSentences(chunk.text.replace(/\s*\n\s*/g, " "))) {
            const sentence = raw.trim();
            const words = sentence.split(/\s+/).length;
            if (words < 6 || words > 45 || !/[.!]$/.test(sentence) || /^[-*#>|]/.test(sentence)) continue;
            const key = sentence.toLowerCase();
            if (seen.has(key)) continue;
            seen.add(key);
            // A sentence that starts with a pronoun needs the one before it to be understood.
            if (ANAPHORIC.test(sentence)) continue;
            const spans = findSalientSpans(sentence, isRare).filter((span) => sentence.slice(0, span.start).split(/\s+/).length >= 3);
            const best = Math.min(...spans.map((span) => PRIORITY[span.kind]));
            const span = spans.filter((candidate) => PRIORITY[candidate.kind] === best).at(-1);
            if (span != null) facts.push({ sentence, span, documentId: chunk.documentId, chunkId: chunk.id });
        }
    }
    return facts;
}
