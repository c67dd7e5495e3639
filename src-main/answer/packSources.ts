import type { ChunkWithDocument } from "../store/library/types.js";
import type { NumberedSource } from "./types.js";

/**
 * Takes retrieved passages best first and keeps as many as fit the token budget, numbered from 1 in
 * that order. A passage that does not fit is skipped (a shorter, later one may still fit); duplicates
 * of a chunk already packed are dropped.
 */
export function packSources(
    ranked: readonly ChunkWithDocument[],
    budgetTokens: number,
    countTokens: (text: string) => number
): NumberedSource[] {
    const packed: NumberedSource[] = [];
    const seen = new Set<number>();
    let used = 0;
    for (const chunk of ranked) {
        if (seen.has(chunk.id)) continue;
        const cost = countTokens(formatSource(packed.length + 1, chunk));
        if (used + cost > budgetTokens) continue;
        seen.add(chunk.id);
        used += cost;
        packed.push({ number: packed.length + 1, chunk });
    }
    return packed;
}

/** How one source appears in the prompt: its number, where it is from, then its exact text. */
export function formatSource(number: number, chunk: ChunkWithDocument): string {
    const where = [chunk.documentName, chunk.page != null ? `page ${chunk.page}` : null, chunk.headingPath.join(" > ") || null]
        .filter((part) => part != null)
        .join(", ");
    return `[${number}] (${where})\n${chunk.text}`;
}
