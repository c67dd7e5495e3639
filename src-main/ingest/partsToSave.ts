import type { ParsedPart } from "./parse/types.js";
import type { NewChunk, NewPart } from "../store/library/types.js";

/** Groups a file's chunks and vectors (in part order, `partOf[i]` naming chunk i's part) back into its parts for the store. */
export function partsToSave(parts: readonly ParsedPart[], partOf: readonly number[], chunks: readonly NewChunk[], vectors: readonly ArrayLike<number>[]): NewPart[] {
    const grouped = parts.map((part) => ({
        key: part.key, title: part.title, sender: part.sender, sentAt: part.date, contentHash: part.contentHash,
        sizeBytes: part.sizeBytes,
        chunks: [] as NewChunk[], vectors: [] as ArrayLike<number>[]
    }));
    partOf.forEach((index, chunk) => {
        grouped[index]!.chunks.push(chunks[chunk]!);
        grouped[index]!.vectors.push(vectors[chunk]!);
    });
    return grouped;
}
