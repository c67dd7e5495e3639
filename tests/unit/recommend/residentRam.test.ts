import { GgmlType, type GgufFileInfo } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { cpuRepacks, repackableMatrixBytes } from "../../../src-main/recommend/fit/cpuRepacks.js";
import { engineRuntimeBytes, residentRamBytes } from "../../../src-main/recommend/fit/residentRamBytes.js";
import { tokenizerBytes } from "../../../src-main/recommend/fit/tokenizerBytes.js";

const vocabulary = 128_256;
const width = 2048;

/** The parts of a GGUF header the estimate reads: a Llama-3.2-1B-like model. */
function header({ embeddings = GgmlType.Q4_0, tied = true }: { embeddings?: GgmlType; tied?: boolean } = {}): GgufFileInfo {
    const tensors = [
        { name: "token_embd.weight", dimensions: [width, vocabulary], ggmlType: embeddings, offset: 0 },
        { name: "blk.0.ffn_up.weight", dimensions: [width, 8192], ggmlType: GgmlType.Q4_0, offset: 1 },
        ...(tied ? [] : [{ name: "output.weight", dimensions: [width, vocabulary], ggmlType: GgmlType.Q6_K, offset: 2 }])
    ];
    return {
        metadata: { tokenizer: { ggml: { tokens: new Array<string>(vocabulary).fill("t"), merges: new Array<string>(280_147).fill("a b") } } },
        architectureMetadata: { embedding_length: width, feed_forward_length: 8192 },
        tensorInfo: tensors, fullTensorInfo: tensors
    } as unknown as GgufFileInfo;
}

const resolved = { gpuLayers: 0, contextRamUsage: 405_000_000, totalRamUsage: 1_100_000_000 };
const avx2 = ["avx", "avx2", "fma"];

describe("which weight matrices the CPU backend repacks", () => {
    it("repacks Q4_0 and Q4_K with AVX2, not Q8_0; on ARM with dot product Q8_0 too", () => {
        expect(cpuRepacks(GgmlType.Q4_0, vocabulary, avx2)).toBe(true);
        expect(cpuRepacks(GgmlType.Q4_K, vocabulary, avx2)).toBe(true);
        expect(cpuRepacks(GgmlType.Q8_0, vocabulary, avx2)).toBe(false);
        expect(cpuRepacks(GgmlType.Q8_0, vocabulary, ["neon", "dotprod"])).toBe(true);
        expect(cpuRepacks(GgmlType.Q4_0, vocabulary, ["sse3"])).toBe(false);
        expect(cpuRepacks(GgmlType.Q4_0, 12, avx2)).toBe(false);
    });

    it("sizes a Q4_0 matrix at 18 bytes per 32 weights", () => {
        expect(repackableMatrixBytes(GgmlType.Q4_0, width * vocabulary)).toBe((width * vocabulary / 32) * 18);
        expect(repackableMatrixBytes(GgmlType.F32, 100)).toBe(0);
    });
});

describe("resident memory of a loaded model", () => {
    it("counts the tokenizer: Llama 3's 128k tokens and 280k merges take about 200 MB", () => {
        expect(tokenizerBytes(header()) / 1e6).toBeCloseTo(203, -1);
    });

    it("on the CPU, adds the repacked copy of tied embeddings, and only when they are tied and repacked", () => {
        const input = { resolved, batchSize: 512, embeddingContext: false, cpuFeatures: avx2 };
        const tiedQ4 = residentRamBytes({ ...input, info: header() });
        const untied = residentRamBytes({ ...input, info: header({ tied: false }) });
        const tiedQ8 = residentRamBytes({ ...input, info: header({ embeddings: GgmlType.Q8_0 }) });
        expect(tiedQ4 - untied).toBe(repackableMatrixBytes(GgmlType.Q4_0, width * vocabulary));
        expect(tiedQ8).toBe(untied);
    });

    it("on the CPU, counts a batch's activations instead of the logits rows a chat never fills", () => {
        const info = header({ tied: false });
        const chat = residentRamBytes({ info, resolved, batchSize: 512, embeddingContext: false, cpuFeatures: avx2 });
        const embedding = residentRamBytes({ info, resolved, batchSize: 512, embeddingContext: true, cpuFeatures: avx2 });
        const base = resolved.totalRamUsage + tokenizerBytes(info) + engineRuntimeBytes;
        const activations = 512 * (3 * 8192 + 4 * width) * 4;
        expect(chat).toBe(base + activations - vocabulary * 511 * 4);
        expect(embedding).toBe(base + activations);
    });

    it("with layers on the GPU, keeps node-llama-cpp's figures and adds the tokenizer and the engine's own memory", () => {
        const info = header();
        const gpu = residentRamBytes({ info, resolved: { ...resolved, gpuLayers: 17 }, batchSize: 512, embeddingContext: false, cpuFeatures: avx2 });
        expect(gpu).toBe(resolved.totalRamUsage + tokenizerBytes(info) + engineRuntimeBytes);
    });
});
