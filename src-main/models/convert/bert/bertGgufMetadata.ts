import { GgufValueType, type GgmlType, type GgufValue } from "../../gguf/ggufTypes.js";
import { ggufValue as v } from "../../gguf/ggufValue.js";
import { llamaFileType } from "../../gguf/llamaFileType.js";
import type { BertCheckpoint } from "./readBertCheckpoint.js";

/** llama.cpp's `enum llama_pooling_type` values for the poolings we convert. */
const llamaPoolingType = { mean: 1, cls: 2 } as const;

/**
 * The GGUF metadata of a converted BERT encoder, as convert_hf_to_gguf.py writes it for BertModel and as
 * llama.cpp (src/models/bert.cpp, src/llama-vocab.cpp) and node-llama-cpp read it.
 */
export function bertGgufMetadata(checkpoint: BertCheckpoint, matrixType: GgmlType, name: string): [string, GgufValue][] {
    const { hyper, vocabulary, tokenizer } = checkpoint;
    const { specialIds } = vocabulary;
    const kvs: [string, GgufValue][] = [
        ["general.architecture", v.str("bert")],
        ["general.type", v.str("model")],
        ["general.name", v.str(name)],
        ["general.file_type", v.u32(llamaFileType(matrixType))],
        // llama.cpp sizes the position table by the context length, so it must be the table's row count
        ["bert.context_length", v.u32(hyper.maxPositions)],
        ["bert.embedding_length", v.u32(hyper.hiddenSize)],
        ["bert.block_count", v.u32(hyper.layers)],
        ["bert.feed_forward_length", v.u32(hyper.feedForwardSize)],
        ["bert.attention.head_count", v.u32(hyper.heads)],
        ["bert.attention.layer_norm_epsilon", v.f32(hyper.layerNormEps)],
        ["bert.attention.causal", v.bool(false)],
        ["bert.pooling_type", v.u32(llamaPoolingType[checkpoint.pooling])],
        ["tokenizer.ggml.model", v.str("bert")],
        // llama.cpp ignores the pre-tokenizer name of a WPM ("bert") vocabulary: its splitting is fixed
        ["tokenizer.ggml.pre", v.str("default")],
        ["tokenizer.ggml.tokens", v.strings(vocabulary.tokens)],
        ["tokenizer.ggml.token_type", v.numbers(GgufValueType.Int32, vocabulary.tokenTypes)],
        ["tokenizer.ggml.token_type_count", v.u32(hyper.typeVocabSize)],
        // llama.cpp reads no cls key (it is deprecated there) and prepends BOS, which it would otherwise
        // assume to be id 101; naming [CLS] as BOS keeps other vocabularies right
        ["tokenizer.ggml.bos_token_id", v.u32(specialIds.cls)],
        ["tokenizer.ggml.cls_token_id", v.u32(specialIds.cls)],
        ["tokenizer.ggml.seperator_token_id", v.u32(specialIds.sep)], // sic: llama.cpp spells the key so
        ["tokenizer.ggml.unknown_token_id", v.u32(specialIds.unk)],
        // BertNormalizer options; llama.cpp's WPM tokenizer lowercases and strips accents unless told otherwise
        ["tokenizer.ggml.normalizer.lowercase", v.bool(tokenizer.lowercase)],
        ["tokenizer.ggml.normalizer.strip_accents", v.bool(tokenizer.stripAccents)]
    ];
    if (specialIds.pad != null) kvs.push(["tokenizer.ggml.padding_token_id", v.u32(specialIds.pad)]);
    if (specialIds.mask != null) kvs.push(["tokenizer.ggml.mask_token_id", v.u32(specialIds.mask)]);
    return kvs;
}
