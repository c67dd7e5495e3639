import { describe, expect, it } from "vitest";
import { float16BitsToFloat32, float32ToFloat16Bits } from "../../../src-main/models/gguf/float16.js";

describe("float32ToFloat16Bits", () => {
    it("encodes known values like IEEE 754 half precision", () => {
        expect(float32ToFloat16Bits(1)).toBe(0x3c00);
        expect(float32ToFloat16Bits(-2)).toBe(0xc000);
        expect(float32ToFloat16Bits(0.1)).toBe(0x2e66);
        expect(float32ToFloat16Bits(65504)).toBe(0x7bff);
        expect(float32ToFloat16Bits(-0)).toBe(0x8000);
        expect(float32ToFloat16Bits(Number.POSITIVE_INFINITY)).toBe(0x7c00);
        expect(float32ToFloat16Bits(Number.NaN) & 0x7e00).toBe(0x7e00);
    });

    it("rounds to nearest even, including into subnormals and overflow", () => {
        expect(float32ToFloat16Bits(65520)).toBe(0x7c00); // halfway above the largest half: ties to even (infinity)
        expect(float32ToFloat16Bits(65519)).toBe(0x7bff);
        expect(float32ToFloat16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
        expect(float32ToFloat16Bits(2 ** -25)).toBe(0x0000); // tie between 0 and 1 unit: even is 0
        expect(float32ToFloat16Bits(3 * 2 ** -25)).toBe(0x0002); // tie between 1 and 2 units: even is 2
        expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie: even mantissa 0
        expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie: even mantissa 2
    });

    it("round-trips every finite half-precision value exactly", () => {
        const mismatches: number[] = [];
        for (let bits = 0; bits < 0x10000; bits++) {
            if ((bits & 0x7c00) === 0x7c00) continue; // infinities and NaNs
            if (float32ToFloat16Bits(float16BitsToFloat32(bits)) !== bits) mismatches.push(bits);
        }
        expect(mismatches).toEqual([]);
    });
});
