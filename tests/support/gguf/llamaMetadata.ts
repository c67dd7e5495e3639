import { GgmlType, type GgufValue } from "../../../src-main/models/gguf/ggufTypes.js";
import { ggufValue as v } from "../../../src-main/models/gguf/ggufValue.js";
import { llamaFileType } from "../../../src-main/models/gguf/llamaFileType.js";
import type { LlamaShape } from "./llamaShapes.js";

/** The `general.*` and `llama.*` keys llama.cpp reads for the `llama` architecture (src/llama-model.cpp). */
export function llamaMetadata(
    shape: LlamaShape, matrixType: GgmlType, name: string, vocabSize: number, poolingType?: number
): [string, GgufValue][] {
    const headDim = shape.embeddingLength / shape.headCount;
    const entries: [string, GgufValue][] = [
        ["general.architecture", v.str("llama")],
        ["general.type", v.str("model")],
        ["general.name", v.str(name)],
        ["general.size_label", v.str(shape.sizeLabel)],
        ["general.file_type", v.u32(llamaFileType(matrixType))],
        ["llama.context_length", v.u32(shape.contextLength)],
        ["llama.embedding_length", v.u32(shape.embeddingLength)],
        ["llama.block_count", v.u32(shape.blockCount)],
        ["llama.feed_forward_length", v.u32(shape.feedForwardLength)],
        ["llama.attention.head_count", v.u32(shape.headCount)],
        ["llama.attention.head_count_kv", v.u32(shape.headCountKv)],
        ["llama.attention.layer_norm_rms_epsilon", v.f32(shape.rmsEpsilon)],
        ["llama.rope.freq_base", v.f32(shape.ropeFreqBase)],
        // llama.cpp rejects a llama model whose n_rot differs from the head size
        ["llama.rope.dimension_count", v.u32(headDim)],
        ["llama.vocab_size", v.u32(vocabSize)]
    ];
    // llama-quantize records this for quantized files; loaders may warn without it
    if (matrixType === GgmlType.Q4_0 || matrixType === GgmlType.Q8_0) entries.push(["general.quantization_version", v.u32(2)]);
    // Only embedding variants carry it, so the other models' bytes (and cached files) stay the same.
    if (poolingType !== undefined) entries.push(["llama.pooling_type", v.u32(poolingType)]);
    return entries;
}
