export { chunkDocument, defaultTargetTokens } from "./chunkDocument.js";
export { embeddingHeader } from "./embeddingHeader.js";
export { embeddingInput } from "./embeddingInput.js";
export type { ChunkableDocument, ChunkOptions, DocumentChunk } from "./types.js";
