import { describe, expect, it } from "vitest";
import { GgmlType, GgufValueType } from "../../../src-main/models/gguf/ggufTypes.js";
import { llamaMetadata } from "../../support/gguf/llamaMetadata.js";
import { oversizedShape, realisticShape, tinyShape } from "../../support/gguf/llamaShapes.js";
import { llamaTensorPlan } from "../../support/gguf/llamaTensorPlan.js";

const vocabSize = 128256;
const count = (dims: readonly number[]) => dims.reduce((product, dim) => product * dim, 1);

describe("llamaTensorPlan", () => {
    it("gives the realistic shape Llama-3.2-1B's 1.24B parameters with tied embeddings", () => {
        const tensors = llamaTensorPlan(realisticShape, GgmlType.Q4_0, vocabSize);
        const parameters = tensors.reduce((sum, tensor) => sum + count(tensor.dims), 0);
        expect(parameters).toBeGreaterThan(1.23e9);
        expect(parameters).toBeLessThan(1.24e9);
        expect(tensors.some((tensor) => tensor.name === "output.weight")).toBe(false);
        expect(tensors).toHaveLength(1 + 16 * 9 + 1);
    });

    it("uses llama.cpp's tensor names and ggml dims (row length first), norms in F32", () => {
        const byName = new Map(llamaTensorPlan(realisticShape, GgmlType.Q8_0, vocabSize).map((tensor) => [tensor.name, tensor]));
        expect(byName.get("token_embd.weight")).toMatchObject({ dims: [2048, vocabSize], type: GgmlType.Q8_0 });
        expect(byName.get("blk.0.attn_q.weight")?.dims).toEqual([2048, 2048]);
        expect(byName.get("blk.0.attn_k.weight")?.dims).toEqual([2048, 512]); // 8 kv heads of 64
        expect(byName.get("blk.15.attn_output.weight")?.dims).toEqual([2048, 2048]);
        expect(byName.get("blk.3.ffn_gate.weight")?.dims).toEqual([2048, 8192]);
        expect(byName.get("blk.3.ffn_down.weight")?.dims).toEqual([8192, 2048]);
        expect(byName.get("blk.3.ffn_norm.weight")).toMatchObject({ dims: [2048], type: GgmlType.F32, role: "norm" });
        expect(byName.get("output_norm.weight")).toMatchObject({ dims: [2048], type: GgmlType.F32 });
    });

    it("gives every quantized matrix rows of whole 32-value blocks", () => {
        for (const shape of [tinyShape, realisticShape, oversizedShape])
            for (const tensor of llamaTensorPlan(shape, GgmlType.Q4_0, vocabSize))
                expect(tensor.dims[0]! % 32, tensor.name).toBe(0);
    });

    it("declares an untied output matrix for the 70B-like shape", () => {
        const tensors = llamaTensorPlan(oversizedShape, GgmlType.Q4_0, vocabSize);
        expect(tensors.find((tensor) => tensor.name === "output.weight")?.dims).toEqual([8192, vocabSize]);
        expect(tensors.reduce((sum, tensor) => sum + count(tensor.dims), 0)).toBeGreaterThan(70e9);
    });
});

describe("llamaMetadata", () => {
    it("writes the llama hyperparameters llama.cpp requires, with rope dims equal to the head size", () => {
        const kvs = new Map(llamaMetadata(realisticShape, GgmlType.Q4_0, "x", vocabSize));
        expect(kvs.get("general.architecture")).toEqual({ type: GgufValueType.String, value: "llama" });
        expect(kvs.get("general.file_type")).toEqual({ type: GgufValueType.Uint32, value: 2 });
        expect(kvs.get("llama.rope.dimension_count")).toEqual({ type: GgufValueType.Uint32, value: 64 });
        expect(kvs.get("llama.rope.freq_base")).toEqual({ type: GgufValueType.Float32, value: 500000 });
        expect(kvs.get("llama.attention.head_count_kv")).toEqual({ type: GgufValueType.Uint32, value: 8 });
        expect(kvs.has("general.quantization_version")).toBe(true);
        expect(new Map(llamaMetadata(tinyShape, GgmlType.F32, "x", vocabSize)).has("general.quantization_version")).toBe(false);
    });
});
