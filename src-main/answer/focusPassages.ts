import type { ChunkWithDocument } from "../store/library/types.js";
import { splitSentences } from "./attributeCitations.js";
import { contentWords } from "./contentWords.js";

/** Embeds texts with the library's embedding model (the one that embedded the passages). */
export type EmbedTexts = (texts: readonly string[]) => Promise<Float32Array[]>;

export type FocusedPassage = { chunk: ChunkWithDocument; excerpt: string; score: number };

/**
 * Keeps the sentences of each passage that are closest to the question (half by meaning, when an
 * embedding model is at hand, half by shared words), in their original order, and orders the passages
 * by their best sentence: a small model then reads the sentence that answers first and few distractors.
 */
export async function focusPassages(
    question: string, chunks: readonly ChunkWithDocument[], sentencesPerPassage: number, embed: EmbedTexts | null
): Promise<FocusedPassage[]> {
    const asked = contentWords(question);
    const askedTotal = Math.max(1, asked.words.size + asked.numbers.size);
    const sentencesOf = chunks.map((chunk) => splitSentences(chunk.text.replace(/\s*\n\s*/g, " ")).map((s) => s.trim()).filter((s) => s !== ""));
    let similarity: ((chunk: number, sentence: number) => number) | null = null;
    if (embed != null) {
        const flat = sentencesOf.flat();
        const vectors = await embed([question, ...flat]);
        const query = vectors[0]!;
        const offsets = sentencesOf.map((_, i) => sentencesOf.slice(0, i).reduce((sum, list) => sum + list.length, 0));
        similarity = (chunk, sentence) => cosine(query, vectors[1 + offsets[chunk]! + sentence]!);
    }
    const focused = chunks.map((chunk, c) => {
        const scored = sentencesOf[c]!.map((sentence, s) => {
            const words = contentWords(sentence);
            let shared = 0;
            for (const word of asked.words) if (words.words.has(word)) shared++;
            for (const number of asked.numbers) if (words.numbers.has(number)) shared++;
            const lexical = shared / askedTotal;
            return { sentence, index: s, score: similarity == null ? lexical : 0.5 * similarity(c, s) + 0.5 * lexical };
        });
        const kept = [...scored].sort((a, b) => b.score - a.score).slice(0, sentencesPerPassage).sort((a, b) => a.index - b.index);
        // Ties between passages go to the one the retriever ranked higher.
        const best = Math.max(0, ...scored.map((item) => item.score)) - c * 0.02;
        return { chunk, excerpt: kept.map((item) => item.sentence).join(" "), score: best };
    });
    return focused.sort((a, b) => b.score - a.score);
}

function cosine(a: Float32Array, b: Float32Array): number {
    let dot = 0;
    let normA = 0;
    let normB = 0;
    for (let i = 0; i < a.length; i++) {
        dot += a[i]! * b[i]!;
        normA += a[i]! * a[i]!;
        normB += b[i]! * b[i]!;
    }
    return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
