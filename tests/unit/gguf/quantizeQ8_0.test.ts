import { describe, expect, it } from "vitest";
import { float16BitsToFloat32, float32ToFloat16Bits } from "../../../src-main/models/gguf/float16.js";
import { dequantizeQ8_0, quantizeQ8_0 } from "../../../src-main/models/gguf/quantizeQ8_0.js";
import { SeededRandom } from "../../support/gguf/SeededRandom.js";

describe("quantizeQ8_0", () => {
    it("lays a block out as ggml's block_q8_0: fp16 d = max|x| / 127, then 32 int8 round(x / d)", () => {
        const values = Float32Array.from({ length: 32 }, (_, j) => j - 16); // -16 .. 15
        const out = new Uint8Array(34);
        expect(quantizeQ8_0(values, out)).toBe(34);

        const d = Math.fround(16 / 127);
        expect(out[0]! | (out[1]! << 8)).toBe(float32ToFloat16Bits(d));
        const quants = Array.from(new Int8Array(out.buffer, 2, 32));
        expect(quants[0]).toBe(-127); // the largest magnitude maps to the end of the range
        expect(quants[16]).toBe(0);
        expect(quants).toEqual(Array.from(values, (x) => Math.sign(x) * Math.round(Math.abs(x * Math.fround(1 / d)))));
    });

    it("quantizes an all-zero block to d = 0 and zeros", () => {
        const out = new Uint8Array(34).fill(0xaa);
        quantizeQ8_0(new Float32Array(32), out);
        expect([...out]).toEqual(new Array(34).fill(0));
    });

    it("dequantizes random data to within half a step of the input, plus d's fp16 rounding", () => {
        const values = new Float32Array(32 * 64);
        new SeededRandom("q8").fillUniform(values, 0.05);
        const out = new Uint8Array(34 * 64);
        expect(quantizeQ8_0(values, out)).toBe(out.length);
        const restored = dequantizeQ8_0(out);
        for (let block = 0; block < 64; block++) {
            const d = float16BitsToFloat32(out[block * 34]! | (out[block * 34 + 1]! << 8));
            for (let j = 0; j < 32; j++) {
                const i = block * 32 + j;
                // q is computed with the fp32 d, stored with the fp16 one: up to 127 * d * 2^-11 more
                expect(Math.abs(restored[i]! - values[i]!)).toBeLessThanOrEqual(d * (0.5 + 127 * 2 ** -11));
            }
        }
    });

    it("writes at an offset and returns the bytes written", () => {
        const out = new Uint8Array(40);
        expect(quantizeQ8_0(new Float32Array(32).fill(1), out, 6)).toBe(34);
        expect(new Int8Array(out.buffer, 8, 32).every((q) => q === 127)).toBe(true);
    });
});
