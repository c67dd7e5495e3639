const float32 = new Float32Array(1);
const float32Bits = new Uint32Array(float32.buffer);

/** IEEE half-precision bits of a float, rounded to nearest even like ggml's GGML_FP32_TO_FP16 (F16C). */
export function float32ToFloat16Bits(value: number): number {
    float32[0] = value;
    const bits = float32Bits[0] ?? 0;
    const sign = (bits >>> 16) & 0x8000;
    const exponent = (bits >>> 23) & 0xff;
    const mantissa = bits & 0x7fffff;
    if (exponent === 0xff) return sign | 0x7c00 | (mantissa !== 0 ? 0x200 : 0);

    const halfExponent = exponent - 127 + 15;
    if (halfExponent >= 0x1f) return sign | 0x7c00;
    if (halfExponent <= 0) {
        // subnormal half: the value in units of 2^-24 is the full 24-bit mantissa shifted right
        const shift = 126 - exponent;
        if (shift > 24) return sign;
        const full = mantissa | 0x800000;
        return sign | roundShift(full, shift);
    }
    // a rounding carry out of the mantissa correctly bumps the exponent (up to infinity)
    return sign | ((halfExponent << 10) + roundShift(mantissa, 13));
}

export function float16BitsToFloat32(bits: number): number {
    const sign = bits & 0x8000 ? -1 : 1;
    const exponent = (bits >>> 10) & 0x1f;
    const mantissa = bits & 0x3ff;
    if (exponent === 0) return sign * mantissa * 2 ** -24;
    if (exponent === 0x1f) return mantissa !== 0 ? Number.NaN : sign * Number.POSITIVE_INFINITY;
    return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** value >> shift, rounded to nearest, ties to even. */
function roundShift(value: number, shift: number): number {
    const kept = value >>> shift;
    const rest = value & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}
