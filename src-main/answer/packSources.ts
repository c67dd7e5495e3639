import type { ChunkWithDocument } from "../store/library/types.js";
import type { NumberedSource } from "./types.js";

/**
 * Takes retrieved passages best first and keeps as many as fit the token budget, numbered from 1 in
 * that order. A passage that does not fit is skipped (a shorter, later one may still fit); duplicates
 * of a chunk already packed are dropped.
 */
export function packSources(
    ranked: readonly (ChunkWithDocument | { chunk: ChunkWithDocument; excerpt: string })[],
    budgetTokens: number,
    countTokens: (text: string) => number,
    options: { maxSources?: number; headers?: boolean } = {}
): NumberedSource[] {
    const packed: NumberedSource[] = [];
    const seen = new Set<number>();
    let used = 0;
    for (const item of ranked) {
        if (packed.length >= (options.maxSources ?? Infinity)) break;
        const candidate: Omit<NumberedSource, "number"> = "excerpt" in item ? item : { chunk: item };
        if (seen.has(candidate.chunk.id)) continue;
        const source = { number: packed.length + 1, ...candidate };
        const cost = countTokens(formatSource(source, options.headers));
        if (used + cost > budgetTokens) continue;
        seen.add(candidate.chunk.id);
        used += cost;
        packed.push(source);
    }
    return packed;
}

/** How one source appears in the prompt: its number, where it is from (unless `headers` is false), then its exact text or excerpt. */
export function formatSource(source: NumberedSource, headers = true): string {
    const { number, chunk } = source;
    const text = source.excerpt ?? chunk.text;
    if (!headers) return `[${number}] ${text}`;
    const where = [chunk.documentName, chunk.page != null ? `page ${chunk.page}` : null, chunk.headingPath.join(" > ") || null]
        .filter((part) => part != null)
        .join(", ");
    return `[${number}] (${where})\n${text}`;
}
