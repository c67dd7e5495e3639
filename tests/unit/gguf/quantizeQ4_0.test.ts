import { describe, expect, it } from "vitest";
import { float16BitsToFloat32 } from "../../../src-main/models/gguf/float16.js";
import { dequantizeQ4_0, quantizeQ4_0 } from "../../../src-main/models/gguf/quantizeQ4_0.js";
import { SeededRandom } from "../../support/gguf/SeededRandom.js";

describe("quantizeQ4_0", () => {
    it("lays a block out as ggml's block_q4_0: fp16 d = max / -8, byte j = nibble(x[j]) | nibble(x[j + 16]) << 4", () => {
        // -8 .. 7 twice: the first value of largest magnitude is -8, so d = 1 and nibble = x + 8
        const values = Float32Array.from({ length: 32 }, (_, j) => (j % 16) - 8);
        const out = new Uint8Array(18);
        expect(quantizeQ4_0(values, out)).toBe(18);
        expect([out[0], out[1]]).toEqual([0x00, 0x3c]); // fp16 1.0, little-endian
        expect([...out.subarray(2)]).toEqual(Array.from({ length: 16 }, (_, j) => j | (j << 4)));
        expect([...dequantizeQ4_0(out)]).toEqual([...values]);
    });

    it("keeps the sign of the largest-magnitude value in d, so that value is exact", () => {
        const values = new Float32Array(32);
        values[5] = 0.4;
        values[20] = -0.1;
        const out = new Uint8Array(18);
        quantizeQ4_0(values, out);
        const d = float16BitsToFloat32(out[0]! | (out[1]! << 8));
        expect(d).toBeCloseTo(-0.05, 4);
        const restored = dequantizeQ4_0(out);
        expect(restored[5]).toBeCloseTo(0.4, 3); // nibble 0: (0 - 8) * d
        expect(out[2 + 5]! & 0x0f).toBe(0);
        expect(Math.abs(restored[0]!)).toBe(0); // zeros map to nibble 8 (times a negative d: -0)
    });

    it("dequantizes random data to within one step of the input (half a step except at the clamped end)", () => {
        const values = new Float32Array(32 * 64);
        new SeededRandom("q4").fillUniform(values, 0.05);
        const out = new Uint8Array(18 * 64);
        expect(quantizeQ4_0(values, out)).toBe(out.length);
        const restored = dequantizeQ4_0(out);
        let withinHalfStep = 0;
        for (let block = 0; block < 64; block++) {
            const d = Math.abs(float16BitsToFloat32(out[block * 18]! | (out[block * 18 + 1]! << 8)));
            for (let j = 0; j < 32; j++) {
                const error = Math.abs(restored[block * 32 + j]! - values[block * 32 + j]!);
                expect(error).toBeLessThanOrEqual(d * 1.001);
                if (error <= d * 0.501) withinHalfStep++;
            }
        }
        expect(withinHalfStep).toBeGreaterThan(32 * 64 * 0.95);
    });
});
