import type { ChunkWithDocument } from "../store/library/types.js";

export type { Citation } from "@common/contract/libraryTypes.js";

/**
 * A passage given to the model as source [n]; `number` is what the model cites. `excerpt`, when set, is
 * what the prompt shows of it (its sentences closest to the question); citations still point at the chunk.
 */
export type NumberedSource = { number: number; chunk: ChunkWithDocument; excerpt?: string };
