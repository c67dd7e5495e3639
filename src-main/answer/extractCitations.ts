import type { Citation, NumberedSource } from "./types.js";

const CITATION = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/**
 * Keeps only citations that point at a source that was actually given; an invented [7] is removed from
 * the text rather than shown as a link to nothing. Returns the cleaned text and the citations in
 * first-use order.
 */
export function extractCitations(answer: string, sources: readonly NumberedSource[]): { text: string; citations: Citation[] } {
    const byNumber = new Map(sources.map((source) => [source.number, source]));
    const used = new Map<number, Citation>();
    const text = answer.replace(CITATION, (_match, list: string) => {
        const valid = list.split(",").map((n) => Number(n.trim())).filter((n) => byNumber.has(n));
        for (const number of valid) {
            if (used.has(number)) continue;
            const { chunk } = byNumber.get(number)!;
            used.set(number, {
                number, chunkId: chunk.id, documentId: chunk.documentId, documentName: chunk.documentName,
                page: chunk.page, headingPath: chunk.headingPath, charStart: chunk.charStart, charEnd: chunk.charEnd
            });
        }
        return valid.length === 0 ? "" : `[${[...new Set(valid)].join(", ")}]`;
    });
    return { text: text.replace(/[ \t]+([.,;:!?])/g, "$1"), citations: [...used.values()] };
}
