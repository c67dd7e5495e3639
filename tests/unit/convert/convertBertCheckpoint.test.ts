import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertBertCheckpoint } from "../../../src-main/models/convert/bert/convertBertCheckpoint.js";
import { float16BitsToFloat32 } from "../../../src-main/models/gguf/float16.js";
import { GgmlType, GgufValueType } from "../../../src-main/models/gguf/ggufTypes.js";
import { dequantizeQ8_0 } from "../../../src-main/models/gguf/quantizeQ8_0.js";
import { tinyBertShape, tinyBertVocab, writeTinyBertCheckpoint } from "../../support/bert/writeTinyBertCheckpoint.js";
import { readGgufFile, type GgufFileHeader } from "../../support/gguf/readGgufFile.js";
import { readGgufTensorData } from "../../support/gguf/readGgufTensorData.js";
import { readSafetensorsFloats } from "../../support/bert/readSafetensorsFloats.js";

const { hidden: h, feedForward: ff, maxPositions, layers } = tinyBertShape;
let root = "";
let checkpoint = "";
let f16Path = "";
let f16: GgufFileHeader;

beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "locus-bert-convert-"));
    checkpoint = path.join(root, "tiny-bert");
    await writeTinyBertCheckpoint(checkpoint);
    f16Path = path.join(root, "out", "tiny.F16.gguf");
    await convertBertCheckpoint({ checkpointDir: checkpoint, outPath: f16Path });
    f16 = readGgufFile(f16Path);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A metadata value as plain JS (arrays as arrays), for comparisons. */
const value = (header: GgufFileHeader, key: string): unknown => {
    const entry = header.kvs.get(key);
    if (entry == null) return undefined;
    return entry.type === GgufValueType.Array ? Array.from(entry.items as ArrayLike<unknown>) : entry.value;
};

/** llama.cpp's BERT tensors in order: ggml dims (the checkpoint's shape reversed) and type. */
function expectedTensors(matrix: GgmlType): { name: string; dims: number[]; type: GgmlType }[] {
    const vocab = tinyBertVocab.length;
    const tensors = [
        { name: "token_embd.weight", dims: [h, vocab], type: matrix },
        { name: "token_types.weight", dims: [h, 2], type: GgmlType.F32 },
        { name: "position_embd.weight", dims: [h, maxPositions], type: GgmlType.F32 },
        { name: "token_embd_norm.weight", dims: [h], type: GgmlType.F32 },
        { name: "token_embd_norm.bias", dims: [h], type: GgmlType.F32 }
    ];
    for (let i = 0; i < layers; i++) {
        const linear = (name: string, inputs: number, outputs: number) => tensors.push(
            { name: `blk.${i}.${name}.weight`, dims: [inputs, outputs], type: matrix },
            { name: `blk.${i}.${name}.bias`, dims: [outputs], type: GgmlType.F32 });
        const norm = (name: string) => tensors.push(
            { name: `blk.${i}.${name}.weight`, dims: [h], type: GgmlType.F32 },
            { name: `blk.${i}.${name}.bias`, dims: [h], type: GgmlType.F32 });
        for (const part of ["attn_q", "attn_k", "attn_v", "attn_output"]) linear(part, h, h);
        norm("attn_output_norm");
        linear("ffn_up", h, ff);
        linear("ffn_down", ff, h);
        norm("layer_output_norm");
    }
    return tensors;
}

describe("convertBertCheckpoint", () => {
    it("writes llama.cpp's BERT tensors with their shapes: F16 matrices, F32 norms, biases, position and token-type embeddings", () => {
        expect(f16.tensors.map(({ name, dims, type }) => ({ name, dims, type }))).toEqual(expectedTensors(GgmlType.F16));
    });

    it("keeps each weight's values and layout: a Linear's [out, in] rows are ggml's rows, F16 rounded, F32 exact", async () => {
        const source = await readSafetensorsFloats(path.join(checkpoint, "model.safetensors"));
        const query = source.get("encoder.layer.1.attention.self.query.weight")!.values;
        const written = readGgufTensorData(f16Path, f16, "blk.1.attn_q.weight");
        const halves = Array.from({ length: query.length }, (_, i) => float16BitsToFloat32(written.readUInt16LE(i * 2)));
        // row o of the GGUF tensor (ne0 = inputs) is output o's weights, as ggml_mul_mat needs
        halves.forEach((half, i) => expect(Math.abs(half - query[i]!)).toBeLessThanOrEqual(Math.abs(query[i]!) * 2 ** -11 + 1e-7));
        const bias = source.get("encoder.layer.0.intermediate.dense.bias")!.values;
        const writtenBias = readGgufTensorData(f16Path, f16, "blk.0.ffn_up.bias");
        expect(new Float32Array(writtenBias.buffer.slice(writtenBias.byteOffset, writtenBias.byteOffset + writtenBias.length))).toEqual(bias);
    });

    it("writes the architecture metadata node-llama-cpp reads, pooling mean as llama.cpp's type 1, and a non-causal mask", () => {
        expect(value(f16, "general.architecture")).toBe("bert");
        expect(value(f16, "general.name")).toBe("tiny-bert");
        expect(value(f16, "general.file_type")).toBe(1);
        expect(value(f16, "bert.context_length")).toBe(maxPositions);
        expect(value(f16, "bert.embedding_length")).toBe(h);
        expect(value(f16, "bert.block_count")).toBe(layers);
        expect(value(f16, "bert.feed_forward_length")).toBe(ff);
        expect(value(f16, "bert.attention.head_count")).toBe(tinyBertShape.heads);
        expect(value(f16, "bert.attention.layer_norm_epsilon")).toBeCloseTo(1e-12, 18);
        expect(value(f16, "bert.attention.causal")).toBe(false);
        expect(value(f16, "bert.pooling_type")).toBe(1);
    });

    it("writes the WordPiece vocabulary in llama.cpp's phantom-space form, with special tokens as CONTROL and their ids", () => {
        const tokens = value(f16, "tokenizer.ggml.tokens") as string[];
        expect(tokens).toHaveLength(tinyBertVocab.length);
        expect(tokens.slice(0, 6)).toEqual(["[PAD]", "[unused0]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]);
        expect(tokens[tinyBertVocab.indexOf("cat")]).toBe("\u2581cat");
        expect(tokens[tinyBertVocab.indexOf("##s")]).toBe("s");
        expect(tokens[tinyBertVocab.indexOf("東")]).toBe("\u2581東");
        expect(tokens[tinyBertVocab.indexOf(".")]).toBe("\u2581.");
        const types = value(f16, "tokenizer.ggml.token_type") as number[];
        expect(types.flatMap((type, id) => (type === 3 ? [id] : []))).toEqual([0, 2, 3, 4, 5]);
        expect(types.filter((type) => type !== 3).every((type) => type === 1)).toBe(true);
        expect(f16.kvs.get("tokenizer.ggml.token_type")).toMatchObject({ type: GgufValueType.Array, itemType: GgufValueType.Int32 });
        expect(value(f16, "tokenizer.ggml.model")).toBe("bert");
        expect(value(f16, "tokenizer.ggml.token_type_count")).toBe(2);
        // the tiny vocabulary's [CLS] is 3, not bert-base's 101 that llama.cpp would assume for BOS
        expect(value(f16, "tokenizer.ggml.bos_token_id")).toBe(3);
        expect(value(f16, "tokenizer.ggml.cls_token_id")).toBe(3);
        expect(value(f16, "tokenizer.ggml.seperator_token_id")).toBe(4);
        expect(value(f16, "tokenizer.ggml.unknown_token_id")).toBe(2);
        expect(value(f16, "tokenizer.ggml.padding_token_id")).toBe(0);
        expect(value(f16, "tokenizer.ggml.mask_token_id")).toBe(5);
        expect(value(f16, "tokenizer.ggml.normalizer.lowercase")).toBe(true);
        expect(value(f16, "tokenizer.ggml.normalizer.strip_accents")).toBe(true);
    });

    it("returns what it wrote, and leaves no temporary file beside it", () => {
        expect(fs.readdirSync(path.dirname(f16Path))).toEqual(["tiny.F16.gguf"]);
    });

    it("with weightType Q8_0 writes Q8_0 matrices (values within a rounding step) and F32 the rest", async () => {
        const outPath = path.join(root, "q8", "tiny.Q8_0.gguf");
        const result = await convertBertCheckpoint({ checkpointDir: checkpoint, outPath, weightType: "Q8_0", name: "Tiny BERT" });
        expect(result).toEqual({ outPath, tensors: expectedTensors(GgmlType.Q8_0).length, vocabSize: tinyBertVocab.length, pooling: "mean" });
        const header = readGgufFile(outPath);
        expect(header.tensors.map(({ name, dims, type }) => ({ name, dims, type }))).toEqual(expectedTensors(GgmlType.Q8_0));
        expect(value(header, "general.file_type")).toBe(7);
        expect(value(header, "general.name")).toBe("Tiny BERT");
        const source = (await readSafetensorsFloats(path.join(checkpoint, "model.safetensors"))).get("encoder.layer.0.output.dense.weight")!.values;
        const restored = dequantizeQ8_0(readGgufTensorData(outPath, header, "blk.0.ffn_down.weight"));
        // half a step of rounding, plus the scale's own F16 rounding (up to 127 steps x 2^-11)
        const step = Math.max(...source.map(Math.abs)) / 127;
        restored.forEach((restoredValue, i) => expect(Math.abs(restoredValue - source[i]!)).toBeLessThanOrEqual(step * (0.5 + 127 * 2 ** -11)));
    });

    it("takes cls pooling from 1_Pooling as llama.cpp's type 2, and reads F16 checkpoints", async () => {
        const dir = path.join(root, "cls-f16");
        await writeTinyBertCheckpoint(dir, { dtype: "F16", poolingConfig: { pooling_mode_cls_token: true, pooling_mode_mean_tokens: false } });
        const outPath = path.join(root, "cls", "cls.gguf");
        expect((await convertBertCheckpoint({ checkpointDir: dir, outPath })).pooling).toBe("cls");
        expect(value(readGgufFile(outPath), "bert.pooling_type")).toBe(2);
    });

    it("writes a cased tokenizer's normalizer settings (no lowercasing, no accent stripping)", async () => {
        const dir = path.join(root, "cased");
        await writeTinyBertCheckpoint(dir, { tokenizerConfig: { do_lower_case: false } });
        const outPath = path.join(root, "cased", "cased.gguf");
        await convertBertCheckpoint({ checkpointDir: dir, outPath });
        const header = readGgufFile(outPath);
        expect(value(header, "tokenizer.ggml.normalizer.lowercase")).toBe(false);
        expect(value(header, "tokenizer.ggml.normalizer.strip_accents")).toBe(false);
    });
});
