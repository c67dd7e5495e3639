import { InvalidInputError } from "@common/errors.js";
import type { Embedder } from "../engine/Embedder.js";
import type { TextEmbedder } from "./types.js";

/** The library's embedding model on this computer, for texts from outside the library (the API). */
export class LocalTextEmbedder implements TextEmbedder {
    constructor(private readonly embedder: Embedder, readonly modelName: string) {}

    async embed(texts: readonly string[], signal?: AbortSignal): Promise<{ vectors: Float32Array[]; tokens: number }> {
        let tokens = 0;
        for (const [index, text] of texts.entries()) {
            const count = this.embedder.countTokens(text);
            if (count > this.embedder.maxInputTokens)
                throw new InvalidInputError(
                    `Input ${texts.length > 1 ? `${index} ` : ""}is ${count} tokens long; ${this.modelName} embeds at most ${this.embedder.maxInputTokens}. Split it into shorter pieces.`
                );
            tokens += count;
        }
        signal?.throwIfAborted();
        return { vectors: await this.embedder.embedMany(texts), tokens };
    }
}
