import type { GgufFileInfo } from "node-llama-cpp";
import { largest, tiedOutputCopyBytes, vocabularySize } from "./residentRamBytes.js";
import { tokenizerBytes } from "./tokenizerBytes.js";

export type TrainingRamInput = {
    /** The model's header, with its tensor list and tokenizer. */
    info: GgufFileInfo;
    /** Bytes of the model file: the trainer reads its weights into memory. */
    fileBytes: number;
    /** Tokens of a training window (the context). */
    windowTokens: number;
    /** Tokens per physical batch. */
    microBatchTokens: number;
    /** Layers with adapter matrices, counted from the last; 0 means every layer. */
    lastLayers: number;
    cpuFeatures: readonly string[];
};

const f32Bytes = 4;
/**
 * The trainer process besides the model, its tokenizer and the per-token buffers: Node, the addon and
 * llama.cpp's libraries, graph metadata, optimizer state. Measured as what the tiny synthetic models
 * (a few MB of weights) need beyond the terms below, and rounded up.
 */
export const trainerRuntimeBytes = 240 * 1024 ** 2;

/**
 * Peak resident memory of a LoRA training run in the trainer worker, from the model's header. Each term
 * was measured (`npm run bench:train` prints the estimate beside the measured peak):
 * - the weights, read into memory (not mapped), plus the copy llama.cpp makes of tied embeddings it
 *   repacks for the CPU;
 * - the KV cache of one window, in F32 (the backward pass has no F16 path);
 * - per token of a batch: the logits, their softmax and their gradient, each a row of the vocabulary
 *   (about 1.5 MB a token for a 128k vocabulary, the largest term for small models);
 * - per token and adapted layer: the activations the backward pass keeps (residual stream,
 *   feed-forward and attention scores);
 * - the tokenizer and the process itself.
 */
export function trainingRamBytes({ info, fileBytes, windowTokens, microBatchTokens, lastLayers, cpuFeatures }: TrainingRamInput): number {
    const shape = (info.architectureMetadata ?? {}) as {
        block_count?: unknown; embedding_length?: unknown; feed_forward_length?: unknown;
        attention?: { head_count?: unknown; head_count_kv?: unknown; key_length?: unknown; value_length?: unknown };
    };
    const layers = largest(shape.block_count);
    const width = largest(shape.embedding_length);
    const heads = Math.max(1, largest(shape.attention?.head_count));
    const kvHeads = largest(shape.attention?.head_count_kv) || heads;
    const headWidth = largest(shape.attention?.key_length) || width / heads;
    const adapted = lastLayers > 0 ? Math.min(lastLayers, layers) : layers;
    const batch = Math.min(microBatchTokens, windowTokens);

    const weights = fileBytes + tiedOutputCopyBytes(info, cpuFeatures);
    const kvCache = windowTokens * layers * 2 * kvHeads * headWidth * f32Bytes;
    const logits = batch * 3 * vocabularySize(info) * f32Bytes;
    const activations = batch * adapted * (8 * width + largest(shape.feed_forward_length) + heads * windowTokens) * f32Bytes;
    return Math.round(weights + kvCache + logits + activations + tokenizerBytes(info) + trainerRuntimeBytes);
}
