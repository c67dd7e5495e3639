import type { ChunkWithDocument } from "../store/library/types.js";

/** A passage given to the model as source [n]; `number` is what the model cites. */
export type NumberedSource = { number: number; chunk: ChunkWithDocument };

/** A citation kept in an answer: it points at a real source and the exact place in its document. */
export type Citation = {
    number: number;
    chunkId: number;
    documentId: string;
    documentName: string;
    page: number | null;
    headingPath: string[];
    charStart: number;
    charEnd: number;
};
