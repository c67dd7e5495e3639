import path from "node:path";
import { ensureLlamaSource } from "../llamaCpp/ensureLlamaSource.js";
import { GgufFormatError } from "../../../src-main/models/gguf/GgufFormatError.js";
import { floatTensorData } from "../../../src-main/models/gguf/floatTensorData.js";
import { GgmlType, GgufValueType, type GgufValue } from "../../../src-main/models/gguf/ggufTypes.js";
import { ggufValue as v } from "../../../src-main/models/gguf/ggufValue.js";
import { GgufWriter, type GgufLayout } from "../../../src-main/models/gguf/GgufWriter.js";
import { readGgufFile } from "./readGgufFile.js";
import { SeededRandom } from "./SeededRandom.js";

/** The BERT (WordPiece) vocab-only GGUF in the llama.cpp sources; part of these models' cache key. */
export const bertVocabFile = path.join("models", "ggml-vocab-bert-bge.gguf");

/** A BERT encoder's hyperparameters. */
export type BertShape = { embeddingLength: number; blockCount: number; feedForwardLength: number; headCount: number; contextLength: number };

export const bertShapes = {
    /** Loads in milliseconds. */
    tiny: { embeddingLength: 32, blockCount: 2, feedForwardLength: 64, headCount: 2, contextLength: 512 },
    /** bge-small-en-v1.5's shape (33M parameters), the smallest embedding model people really use. */
    "bge-small": { embeddingLength: 384, blockCount: 12, feedForwardLength: 1536, headCount: 12, contextLength: 512 }
} as const satisfies Record<string, BertShape>;

export type BertHead =
    /** A cross-encoder (reranker): rank pooling through the `cls` and `cls.output` classification head. */
    | "rank"
    /** An embedding model: the [CLS] token's state is the vector, as bge models do. */
    | "embedding";

export type SyntheticBertOptions = { seed: number; head: BertHead; shape: keyof typeof bertShapes };

/**
 * Writes a `bert` GGUF with random weights and the real BERT WordPiece vocabulary (src/models/bert.cpp).
 * With the rank head llama.cpp runs rank pooling, as node-llama-cpp's ranking context needs
 * (llm_graph_context::build_pooling): the [CLS] state goes through `cls` (dense + tanh) and `cls.output`
 * (one logit), which node-llama-cpp turns into a probability. Weights are scaled so that states and
 * scores spread out instead of all sitting at 0.5, so reranking visibly reorders passages.
 * The small shape stores matrices as F16, as published small embedding GGUFs do; the tiny one F32.
 */
export async function generateSyntheticBert(outPath: string, options: SyntheticBertOptions): Promise<GgufLayout> {
    const { seed, head } = options;
    const shape: BertShape = bertShapes[options.shape];
    const vocabPath = path.join(await ensureLlamaSource(), bertVocabFile);
    const vocab = readGgufFile(vocabPath);
    const tokens = vocab.kvs.get("tokenizer.ggml.tokens");
    if (tokens?.type !== GgufValueType.Array) throw new GgufFormatError("the vocab file has no tokenizer.ggml.tokens array", vocabPath);
    const vocabSize = tokens.items.length;
    const typeCount = vocab.kvs.get("tokenizer.ggml.token_type_count");
    const tokenTypes = typeCount?.type === GgufValueType.Uint32 ? typeCount.value : 2;
    const { embeddingLength: nEmbd, feedForwardLength: nFf, contextLength: nCtx } = shape;
    const matrixType = options.shape === "tiny" ? GgmlType.F32 : GgmlType.F16;

    const writer = new GgufWriter();
    const kvs: [string, GgufValue][] = [
        ["general.architecture", v.str("bert")],
        ["general.type", v.str("model")],
        ["general.name", v.str(`BERT synthetic ${head === "rank" ? "reranker" : "embedding"} ${options.shape} (random weights)`)],
        // llama_ftype: 0 all F32, 1 mostly F16
        ["general.file_type", v.u32(matrixType === GgmlType.F32 ? 0 : 1)],
        ["bert.context_length", v.u32(nCtx)],
        ["bert.embedding_length", v.u32(nEmbd)],
        ["bert.block_count", v.u32(shape.blockCount)],
        ["bert.feed_forward_length", v.u32(nFf)],
        ["bert.attention.head_count", v.u32(shape.headCount)],
        ["bert.attention.layer_norm_epsilon", v.f32(1e-12)],
        ["bert.attention.causal", v.bool(false)],
        // llama.cpp's LLAMA_POOLING_TYPE_RANK (4) or _CLS (2)
        ["bert.pooling_type", v.u32(head === "rank" ? 4 : 2)]
    ];
    for (const [key, value] of kvs) writer.setKv(key, value);
    for (const [key, value] of vocab.kvs) if (key.startsWith("tokenizer.")) writer.setKv(key, value);

    const random = (name: string, dims: number[], std: number, type = GgmlType.F32) => {
        const values = new Float32Array(dims.reduce((a, b) => a * b, 1));
        new SeededRandom(`${seed}:${name}`).fillUniform(values, std * Math.sqrt(3));
        writer.addTensor({ name, dims, type, data: floatTensorData(values, type) });
    };
    const constant = (name: string, dims: number[], value: number) =>
        writer.addTensor({ name, dims, type: GgmlType.F32, data: floatTensorData(new Float32Array(dims[0]!).fill(value)) });
    const layerNorm = (name: string) => {
        constant(`${name}.weight`, [nEmbd], 1);
        constant(`${name}.bias`, [nEmbd], 0);
    };

    // Embeddings of unit scale (they are layer-normalised at once); matrices at 1/sqrt(fan-in).
    random("token_embd.weight", [nEmbd, vocabSize], 1, matrixType);
    random("token_types.weight", [nEmbd, tokenTypes], 0.1);
    random("position_embd.weight", [nEmbd, nCtx], 0.1);
    layerNorm("token_embd_norm");
    const matrixStd = 1 / Math.sqrt(nEmbd);
    for (let i = 0; i < shape.blockCount; i++) {
        for (const part of ["attn_q", "attn_k", "attn_v", "attn_output"]) random(`blk.${i}.${part}.weight`, [nEmbd, nEmbd], matrixStd, matrixType);
        layerNorm(`blk.${i}.attn_output_norm`);
        random(`blk.${i}.ffn_up.weight`, [nEmbd, nFf], matrixStd, matrixType);
        random(`blk.${i}.ffn_down.weight`, [nFf, nEmbd], 1 / Math.sqrt(nFf), matrixType);
        layerNorm(`blk.${i}.layer_output_norm`);
    }
    if (head === "rank") {
        random("cls.weight", [nEmbd, nEmbd], 2 * matrixStd);
        constant("cls.bias", [nEmbd], 0);
        random("cls.output.weight", [nEmbd, 1], 2 * matrixStd);
        constant("cls.output.bias", [1], 0);
    }
    return writer.writeFile(outPath);
}
