import { setImmediate as nextTurn } from "node:timers/promises";
import { chunkDocument } from "./chunk/chunkDocument.js";
import type { DocumentChunk } from "./chunk/types.js";
import type { ParsedDocument } from "./parse/types.js";

/** Sections chunked between two turns of the event loop. */
const sectionsPerTurn = 8;

/**
 * Chunks a parsed document section by section, yielding to the event loop between groups of
 * sections: tokenizing a 500-page PDF takes seconds, and the main process must keep answering the
 * window meanwhile. Chunks never cross sections, so this gives exactly `chunkDocument`'s result.
 */
export async function chunkParsedDocument(
    parsed: ParsedDocument, countTokens: (text: string) => number, targetTokens: number, signal?: AbortSignal
): Promise<DocumentChunk[]> {
    const chunks: DocumentChunk[] = [];
    for (const [sectionIndex, section] of parsed.sections.entries()) {
        for (const chunk of chunkDocument({ title: parsed.title, sections: [section] }, { countTokens, targetTokens }))
            chunks.push({ ...chunk, sectionIndex });
        if (sectionIndex % sectionsPerTurn === sectionsPerTurn - 1) {
            await nextTurn();
            signal?.throwIfAborted();
        }
    }
    return chunks;
}
