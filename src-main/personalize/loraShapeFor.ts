import type { GgufFileInfo } from "node-llama-cpp";
import { adaptedLayerCount, loraLearningRateFor, loraRankFor } from "../recommend/loraShape.js";
import type { TrainingDocument, TrainingOptions } from "../trainer/types.js";

/**
 * The adapter's shape by the rules the setup wizard explains (recommend/loraShape.ts): rank from the amount
 * of text, only the last quarter of the model's layers, and a learning rate for the model's size. The layer
 * count and size come from the file's header; without one every layer is adapted at a middling rate.
 */
export function loraShapeFor(
    info: GgufFileInfo | undefined, documents: readonly TrainingDocument[], fileBytes: number | undefined
): Pick<TrainingOptions, "rank" | "alpha" | "lastLayers" | "learningRate"> {
    // About four characters a token in the languages the catalog's tokenizers cover best.
    const tokens = documents.reduce((sum, document) => sum + document.text.length, 0) / 4;
    const rank = loraRankFor(tokens);
    const architecture = info?.architectureMetadata as { block_count?: unknown; embedding_length?: unknown } | undefined;
    const layers = typeof architecture?.block_count === "number" && architecture.block_count > 0 ? architecture.block_count : 0;
    return {
        rank, alpha: 2 * rank, lastLayers: layers > 0 ? adaptedLayerCount(layers) : 0,
        learningRate: loraLearningRateFor(estimatedParameters(info, layers, fileBytes))
    };
}

/**
 * Parameters from the header: a decoder layer holds about 12 d² weights, the token embeddings vocabulary x d.
 * Without the shape, the file's size at about 4.5 bits a weight.
 */
function estimatedParameters(info: GgufFileInfo | undefined, layers: number, fileBytes: number | undefined): number {
    const width = (info?.architectureMetadata as { embedding_length?: unknown } | undefined)?.embedding_length;
    const vocabulary = (info?.metadata as { tokenizer?: { ggml?: { tokens?: unknown } } } | undefined)?.tokenizer?.ggml?.tokens;
    if (typeof width === "number" && width > 0 && layers > 0)
        return 12 * layers * width * width + (Array.isArray(vocabulary) ? vocabulary.length : 32_000) * width;
    return fileBytes != null ? (fileBytes * 8) / 4.5 : Number.NaN;
}
