import type { DocumentChunk } from "./chunk/types.js";
import { chunkParsedDocument } from "./chunkParsedDocument.js";
import type { ParsedDocument } from "./parse/types.js";

/** A document's chunks; for a file with parts, `partOf[i]` is the index of the part chunk `i` belongs to. */
export type ChunkedDocument = { chunks: DocumentChunk[]; partOf?: number[] };

/**
 * Chunks a parsed document, or each of its parts on its own (a mailbox's messages): a chunk never
 * crosses from one message into the next, and its section index counts within its part.
 */
export async function chunkParsedParts(
    parsed: ParsedDocument, countTokens: (text: string) => number, targetTokens: number, signal?: AbortSignal
): Promise<ChunkedDocument> {
    if (parsed.parts === undefined) return { chunks: await chunkParsedDocument(parsed, countTokens, targetTokens, signal) };
    const chunks: DocumentChunk[] = [];
    const partOf: number[] = [];
    for (const [index, part] of parsed.parts.entries()) {
        for (const chunk of await chunkParsedDocument({ format: parsed.format, title: part.title, sections: part.sections }, countTokens, targetTokens, signal)) {
            chunks.push(chunk);
            partOf.push(index);
        }
    }
    return { chunks, partOf };
}
