import { describe, expect, it } from "vitest";
import { GgmlType } from "../../../src-main/models/gguf/ggufTypes.js";
import type { TensorDataSource } from "../../../src-main/models/gguf/GgufWriter.js";
import { negateBlock } from "../../support/gguf/negateBlock.js";
import { quantizeQ4_0 } from "../../../src-main/models/gguf/quantizeQ4_0.js";
import { dequantizeQ8_0 } from "../../../src-main/models/gguf/quantizeQ8_0.js";
import { RandomWeightPool } from "../../support/gguf/RandomWeightPool.js";
import { SeededRandom } from "../../support/gguf/SeededRandom.js";

async function collect(source: TensorDataSource): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of source()) chunks.push(Uint8Array.from(chunk)); // chunks are reused: copy
    return Uint8Array.from(chunks.flatMap((chunk) => [...chunk]));
}

function asFloats(bytes: Uint8Array): Float32Array {
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

const amplitude = 0.02 * Math.sqrt(3);

function distinctRows(values: Float32Array, rowLength: number): number {
    const rows = new Set<string>();
    for (let row = 0; row < values.length / rowLength; row++) rows.add(values.subarray(row * rowLength, (row + 1) * rowLength).join(","));
    return rows.size;
}

describe("RandomWeightPool", () => {
    it("produces the same bytes for the same seeds, and different bytes for another tensor seed", async () => {
        const first = await collect(new RandomWeightPool("1", amplitude, 1 << 14).tensorData(GgmlType.Q4_0, 8192, "blk.0.attn_q"));
        const again = await collect(new RandomWeightPool("1", amplitude, 1 << 14).tensorData(GgmlType.Q4_0, 8192, "blk.0.attn_q"));
        const other = await collect(new RandomWeightPool("1", amplitude, 1 << 14).tensorData(GgmlType.Q4_0, 8192, "blk.0.attn_k"));
        expect(first.length).toBe(8192 / 32 * 18);
        expect(again).toEqual(first);
        expect(other).not.toEqual(first);
    });

    it("gives values with the requested spread (std 0.02, mean 0)", async () => {
        const values = asFloats(await collect(new RandomWeightPool("2", amplitude, 1 << 16).tensorData(GgmlType.F32, 1 << 16, "t")));
        const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
        const std = Math.sqrt(values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / values.length);
        expect(Math.abs(mean)).toBeLessThan(0.001);
        expect(std).toBeGreaterThan(0.019);
        expect(std).toBeLessThan(0.021);
    });

    it("holds the same weights in F32 and Q8_0 for one seed, up to quantization", async () => {
        for (const valueCount of [4096, 8192, 16384, 40960]) { // slices, then tiles from a smaller pool
            const pool = new RandomWeightPool("3", amplitude, 8192);
            const floats = asFloats(await collect(pool.tensorData(GgmlType.F32, valueCount, "w")));
            const restored = dequantizeQ8_0(await collect(pool.tensorData(GgmlType.Q8_0, valueCount, "w")));
            const worst = floats.reduce((max, x, i) => Math.max(max, Math.abs(x - restored[i]!)), 0);
            expect(worst).toBeLessThan(amplitude / 127);
        }
    });

    it("does not repeat rows of a tensor that fits in the pool (one slice)", async () => {
        const values = asFloats(await collect(new RandomWeightPool("4", amplitude, 1 << 16).tensorData(GgmlType.F32, 64 * 1024, "embd")));
        expect(distinctRows(values, 64)).toBe(1024);
    });

    it("does not repeat wide rows of a tensor tiled from a smaller pool (random signs per block)", async () => {
        // like the 1B model's token_embd: 2048-value rows tiled from runs of the pool
        const values = asFloats(await collect(new RandomWeightPool("5", amplitude, 16384).tensorData(GgmlType.F32, 2048 * 256, "embd")));
        expect(distinctRows(values, 2048)).toBe(256);
    });
});

describe("negateBlock", () => {
    it("turns a Q4_0 block into exactly ggml's quantization of the negated values", () => {
        const values = new Float32Array(32);
        new SeededRandom("neg").fillUniform(values, 1);
        const block = new Uint8Array(18);
        quantizeQ4_0(values, block);
        negateBlock(GgmlType.Q4_0, block, 0);
        const expected = new Uint8Array(18);
        quantizeQ4_0(values.map((x) => -x), expected);
        expect(block).toEqual(expected);
    });

    it("negates the 32 values of an F32 block and nothing else", () => {
        const values = Float32Array.from({ length: 40 }, (_, i) => i + 1);
        negateBlock(GgmlType.F32, new Uint8Array(values.buffer), 0);
        expect([...values.subarray(0, 32)]).toEqual(Array.from({ length: 32 }, (_, i) => -(i + 1)));
        expect([...values.subarray(32)]).toEqual([33, 34, 35, 36, 37, 38, 39, 40]);
    });
});
