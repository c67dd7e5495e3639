import type { GgufFileInfo } from "node-llama-cpp";
import { cpuRepacks, repackableMatrixBytes } from "./cpuRepacks.js";
import { tokenizerBytes } from "./tokenizerBytes.js";

export type ResidentRamInput = {
    info: GgufFileInfo;
    /** node-llama-cpp's configuration resolver's figures for the chosen configuration. */
    resolved: { gpuLayers: number; contextRamUsage: number; totalRamUsage: number };
    /** Tokens per batch the engine evaluates (its contexts use 512). */
    batchSize: number;
    /** An embedding context returns vectors, not logits: its compute buffer has no logits rows to discount. */
    embeddingContext: boolean;
    cpuFeatures: readonly string[];
};

/**
 * What Locus's process needs besides llama.cpp's buffers and the tokenizer: the JavaScript objects of a
 * chat and of the model's checked header, and llama.cpp's threads. Measured by `npm run bench:fit` on
 * the tiny synthetic models, whose weights and context take a few MB, so this is most of what they add.
 */
export const engineRuntimeBytes = 64 * 1024 ** 2;

const f32Bytes = 4;

export function largest(value: unknown): number {
    if (typeof value === "number") return value;
    return Array.isArray(value) ? Math.max(0, ...value.filter((item): item is number => typeof item === "number")) : 0;
}

/**
 * The RAM a model and its context take once loaded and answering, as the operating system counts it
 * (resident memory): node-llama-cpp's figures for weights, KV cache and compute buffers, corrected by
 * what they leave out or overstate, each measured (see `npm run bench:fit`):
 * - the tokenizer (`tokenizerBytes`) and the engine's own working memory (`engineRuntimeBytes`);
 * - on the CPU only: a model whose output matrix is its token embeddings (tied) gets a second copy of
 *   that matrix when llama.cpp repacks it for its matrix kernels (Q4_0 or Q4_K with AVX2, for example);
 * - on the CPU only: the compute buffer is reserved for a batch whose every token returns logits
 *   (vocabulary x batch floats: 262 MB for a 128k vocabulary), but Locus asks for one token's logits per
 *   batch, so those rows are never touched; the feed-forward activations of a full batch are.
 */
export function residentRamBytes({ info, resolved, batchSize, embeddingContext, cpuFeatures }: ResidentRamInput): number {
    const ram = resolved.totalRamUsage + tokenizerBytes(info) + engineRuntimeBytes;
    if (resolved.gpuLayers > 0) return Math.round(ram);

    const vocabulary = vocabularySize(info);
    const outputCopy = tiedOutputCopyBytes(info, cpuFeatures);

    const shape = info.architectureMetadata as { embedding_length?: unknown; feed_forward_length?: unknown } | undefined;
    // Gate, up and their product at the feed-forward width, and the residual stream, for every token of a batch.
    const activations = batchSize * (3 * largest(shape?.feed_forward_length) + 4 * largest(shape?.embedding_length)) * f32Bytes;
    const unusedLogits = embeddingContext ? 0 : vocabulary * Math.max(0, batchSize - 1) * f32Bytes;
    const context = Math.max(0, resolved.contextRamUsage);
    return Math.round(ram + outputCopy + Math.min(activations, context) - Math.min(unusedLogits, context));
}

/** Rows of the token embeddings (the vocabulary), from the tensor list; 0 when it is not there. */
export function vocabularySize(info: GgufFileInfo): number {
    const embeddings = (info.fullTensorInfo ?? info.tensorInfo ?? []).find((tensor) => tensor.name === "token_embd.weight");
    return Number(embeddings?.dimensions[1] ?? 0);
}

/**
 * On the CPU, a model whose output matrix is its token embeddings (tied) gets a second copy of that
 * matrix when llama.cpp repacks it for its matrix kernels (Q4_0 or Q4_K with AVX2, for example).
 */
export function tiedOutputCopyBytes(info: GgufFileInfo, cpuFeatures: readonly string[]): number {
    const tensors = info.fullTensorInfo ?? info.tensorInfo ?? [];
    const embeddings = tensors.find((tensor) => tensor.name === "token_embd.weight");
    if (embeddings === undefined || tensors.some((tensor) => tensor.name === "output.weight")) return 0;
    const width = Number(embeddings.dimensions[0] ?? 0);
    const vocabulary = Number(embeddings.dimensions[1] ?? 0);
    return cpuRepacks(embeddings.ggmlType, vocabulary, cpuFeatures) ? repackableMatrixBytes(embeddings.ggmlType, width * vocabulary) : 0;
}
