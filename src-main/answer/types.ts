import type { ChunkWithDocument } from "../store/library/types.js";

export type { Citation } from "@common/contract/libraryTypes.js";

/** A passage given to the model as source [n]; `number` is what the model cites. */
export type NumberedSource = { number: number; chunk: ChunkWithDocument };
