import { embeddingHeader } from "./embeddingHeader.js";
import { packUnits } from "./packUnits.js";
import { splitIntoUnits } from "./splitIntoUnits.js";
import { splitOversizedUnit } from "./splitOversizedUnit.js";
import type { ChunkableDocument, ChunkOptions, CountedUnit, DocumentChunk } from "./types.js";

export const defaultTargetTokens = 384;

/**
 * Cuts a parsed document into chunks for embedding and citation. Chunks never cross a section (so
 * never a page or heading boundary): each keeps its section's page and heading path, and character
 * offsets into the section text so a citation can highlight the exact passage. Within a section,
 * chunks end at paragraphs, else sentences, else words, and fit `targetTokens` including the
 * context header that `embeddingInput` adds.
 */
export function chunkDocument(document: ChunkableDocument, options: ChunkOptions): DocumentChunk[] {
    const target = Math.floor(options.targetTokens ?? defaultTargetTokens);
    if (!(target >= 8)) throw new RangeError(`targetTokens must be at least 8, got ${options.targetTokens}`);
    const overlap = Math.max(0, Math.floor(options.overlapTokens ?? target / 8));
    const { countTokens } = options;
    const chunks: DocumentChunk[] = [];

    document.sections.forEach((section, sectionIndex) => {
        const { text } = section;
        const header = options.contextHeader === false ? "" : embeddingHeader(document.title, section.headingPath);
        // The header and its blank line come out of the budget, but never more than half of it.
        const headerTokens = header === "" ? 0 : countTokens(`${header}\n\n`);
        const budget = Math.max(target - headerTokens, Math.ceil(target / 2));

        const units: CountedUnit[] = splitIntoUnits(text).flatMap((unit) => {
            const tokens = countTokens(text.slice(unit.start, unit.end));
            return tokens <= budget ? [{ ...unit, tokens }] : splitOversizedUnit(text, unit, budget, countTokens);
        });
        const measure = (first: number, end: number): number => countTokens(text.slice(units[first]!.start, units[end - 1]!.end));

        for (const span of packUnits(units, budget, Math.min(overlap, Math.floor(budget / 2)), measure)) {
            const charStart = units[span.first]!.start;
            const charEnd = units[span.end - 1]!.end;
            chunks.push({
                text: text.slice(charStart, charEnd), sectionIndex, page: section.page, headingPath: [...section.headingPath],
                charStart, charEnd, tokenCount: span.tokens
            });
        }
    });
    return chunks;
}
