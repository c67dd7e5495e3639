import { GgmlType, type GgufFileInfo } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { trainingRamBytes } from "../../../src-main/recommend/fit/trainingRamBytes.js";

const MiB = 2 ** 20;
const avx2 = ["avx", "avx2", "fma"];

/** The parts of a header the estimate reads, shaped like the synthetic models (Llama 3 tokenizer, tied embeddings). */
function header(shape: { layers: number; width: number; feedForward: number; heads: number; kvHeads: number; embeddings: GgmlType }): GgufFileInfo {
    const vocabulary = 128_256;
    const tensors = [{ name: "token_embd.weight", dimensions: [shape.width, vocabulary], ggmlType: shape.embeddings, offset: 0 }];
    return {
        metadata: { tokenizer: { ggml: { tokens: new Array<string>(vocabulary).fill("t"), merges: new Array<string>(280_147).fill("a b") } } },
        architectureMetadata: {
            block_count: shape.layers, embedding_length: shape.width, feed_forward_length: shape.feedForward,
            attention: { head_count: shape.heads, head_count_kv: shape.kvHeads }
        },
        tensorInfo: tensors, fullTensorInfo: tensors
    } as unknown as GgufFileInfo;
}

const realistic = (embeddings: GgmlType) => header({ layers: 16, width: 2048, feedForward: 8192, heads: 32, kvHeads: 8, embeddings });
const tiny = header({ layers: 2, width: 64, feedForward: 128, heads: 4, kvHeads: 2, embeddings: GgmlType.Q8_0 });

// Peak resident memory of the trainer worker, measured on this project's synthetic models (2 threads,
// 512-token windows, two steps, weights read without mmap; AVX2 machine).
const measured = [
    { name: "realistic Q4_0, last 4 layers", info: realistic(GgmlType.Q4_0), fileBytes: 703_208_704, lastLayers: 4, batch: 512, MiB: 2346 },
    { name: "realistic Q4_0, every layer", info: realistic(GgmlType.Q4_0), fileBytes: 703_208_704, lastLayers: 0, batch: 512, MiB: 3325 },
    { name: "realistic Q4_0, 256-token batches", info: realistic(GgmlType.Q4_0), fileBytes: 703_208_704, lastLayers: 4, batch: 256, MiB: 1804 },
    { name: "realistic Q8_0, last 4 layers", info: realistic(GgmlType.Q8_0), fileBytes: 1_321_082_112, lastLayers: 4, batch: 512, MiB: 2790 },
    { name: "tiny Q8_0", info: tiny, fileBytes: 16_624_352, lastLayers: 0, batch: 512, MiB: 1213 },
    { name: "tiny Q8_0, 256-token batches", info: tiny, fileBytes: 16_624_352, lastLayers: 0, batch: 256, MiB: 821 }
];

describe("peak memory of a training run", () => {
    it.each(measured)("$name: within 3% of the measured peak", ({ info, fileBytes, lastLayers, batch, MiB: peak }) => {
        const estimate = trainingRamBytes({ info, fileBytes, windowTokens: 512, microBatchTokens: batch, lastLayers, cpuFeatures: avx2 }) / MiB;
        expect(estimate / peak).toBeGreaterThan(0.97);
        expect(estimate / peak).toBeLessThan(1.03);
    });

    it("grows with the batch (a vocabulary row per token, three times) and with each adapted layer", () => {
        const base = { info: realistic(GgmlType.Q4_0), fileBytes: 703_208_704, windowTokens: 512, cpuFeatures: avx2 };
        const halfBatch = trainingRamBytes({ ...base, microBatchTokens: 512, lastLayers: 0 }) - trainingRamBytes({ ...base, microBatchTokens: 256, lastLayers: 0 });
        expect(halfBatch).toBeGreaterThan(256 * 3 * 128_256 * 4);
        const oneLayer = trainingRamBytes({ ...base, microBatchTokens: 512, lastLayers: 5 }) - trainingRamBytes({ ...base, microBatchTokens: 512, lastLayers: 4 });
        expect(oneLayer / MiB).toBeCloseTo(80, -1);
        // A batch larger than the window is the window.
        expect(trainingRamBytes({ ...base, microBatchTokens: 4096, lastLayers: 4 })).toBe(trainingRamBytes({ ...base, microBatchTokens: 512, lastLayers: 4 }));
    });

    it("counts the repacked copy of tied Q4_0 embeddings only where the CPU repacks them", () => {
        const base = { info: realistic(GgmlType.Q4_0), fileBytes: 703_208_704, windowTokens: 512, microBatchTokens: 512, lastLayers: 4 };
        const copy = trainingRamBytes({ ...base, cpuFeatures: avx2 }) - trainingRamBytes({ ...base, cpuFeatures: ["sse3"] });
        expect(copy).toBe((2048 * 128_256 / 32) * 18);
    });
});
