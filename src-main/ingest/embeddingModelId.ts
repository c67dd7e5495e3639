import type { EmbedderIdentity } from "../engine/Embedder.js";

/**
 * The library's name for an embedding model: file name and size. The same file downloaded again
 * keeps its vectors; another model, or another quantization of the same one, re-embeds the library.
 */
export function embeddingModelId(identity: EmbedderIdentity): string {
    return `${identity.fileName}#${identity.sizeBytes}`;
}
