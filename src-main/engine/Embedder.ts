import path from "node:path";
import { GgufInsights, readGgufFileInfo, type Llama, type LlamaEmbeddingContext, type LlamaModel } from "node-llama-cpp";
import { BadModelFileError } from "@common/errors.js";
import { modelRole } from "./modelRole.js";

export type EmbedderOptions = {
    /** Threads in total; split across the parallel contexts, never more than the cores. */
    threads: number;
    /** Parallel embedding contexts (default: one per two threads, at least one). */
    contexts?: number;
    /** Longest input in tokens; chunks are sized below this. */
    contextSize?: number;
};

/** Which embedding model made a vector: changing it means re-embedding everything. */
export type EmbedderIdentity = { fileName: string; architecture: string; dimension: number; sizeBytes: number };

/**
 * A GGUF embedding model with several contexts evaluating in parallel. Texts are spread over the
 * contexts; each context's threads are fixed so the total never exceeds the cores.
 */
export class Embedder {
    #next = 0;

    private constructor(
        readonly identity: EmbedderIdentity,
        /** Longest input in tokens that one context takes: chunks must be sized below it. */
        readonly maxInputTokens: number,
        private readonly model: LlamaModel,
        private readonly contexts: LlamaEmbeddingContext[]
    ) {}

    static async load(llama: Llama, filePath: string, options: EmbedderOptions): Promise<Embedder> {
        const fileName = path.basename(filePath);
        const info = await readGgufFileInfo(filePath, { readTensorInfo: true, logWarnings: false }).catch((error: unknown) => {
            throw new BadModelFileError(`${fileName} is not a readable GGUF model (${error instanceof Error ? error.message : String(error)}).`);
        });
        const role = modelRole(info);
        if (role !== "embedding")
            throw new BadModelFileError(
                `${fileName} is a ${role} model, not an embedding model. Choose an embedding model (for example bge-small-en-v1.5 or nomic-embed-text) for indexing documents.`
            );
        const insights = await GgufInsights.from(info, llama);
        if (!insights.isSupportedByLlamaCpp)
            throw new BadModelFileError(`${fileName} uses an architecture this version of Locus cannot run.`);

        const model = await llama.loadModel({ modelPath: filePath, gpuLayers: 0 });
        try {
            const count = Math.max(1, Math.min(options.contexts ?? Math.floor(options.threads / 2), options.threads));
            const perContext = Math.max(1, Math.floor(options.threads / count));
            const contextSize = Math.min(options.contextSize ?? 512, insights.trainContextSize ?? 512);
            const contexts: LlamaEmbeddingContext[] = [];
            for (let i = 0; i < count; i++)
                contexts.push(await model.createEmbeddingContext({ contextSize, batchSize: contextSize, threads: perContext }));
            const identity = { fileName, architecture: model.fileInfo.metadata.general.architecture, dimension: model.embeddingVectorSize, sizeBytes: model.size };
            return new Embedder(identity, contextSize, model, contexts);
        } catch (error) {
            await model.dispose();
            throw error;
        }
    }

    /** Tokens of a text in this model's tokenizer: chunks are sized with it. */
    countTokens(text: string): number {
        return this.model.tokenize(text).length;
    }

    /** Embeds texts in order, keeping every context busy; vectors are L2-normalised. */
    async embedMany(texts: readonly string[], onEach?: (done: number) => void): Promise<Float32Array[]> {
        const results = new Array<Float32Array>(texts.length);
        let cursor = 0;
        let done = 0;
        const worker = async (context: LlamaEmbeddingContext) => {
            while (cursor < texts.length) {
                const index = cursor++;
                const embedding = await context.getEmbeddingFor(texts[index]!);
                results[index] = normalise(embedding.vector);
                onEach?.(++done);
            }
        };
        await Promise.all(this.contexts.map(worker));
        return results;
    }

    async embed(text: string): Promise<Float32Array> {
        const context = this.contexts[this.#next++ % this.contexts.length]!;
        return normalise((await context.getEmbeddingFor(text)).vector);
    }

    async dispose(): Promise<void> {
        for (const context of this.contexts) await context.dispose();
        await this.model.dispose();
    }
}

function normalise(vector: readonly number[]): Float32Array {
    const out = Float32Array.from(vector);
    let norm = 0;
    for (const v of out) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < out.length; i++) out[i]! /= norm;
    return out;
}
