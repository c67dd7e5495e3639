import { float32ToFloat16Bits, float16BitsToFloat32 } from "./float16.js";

const blockSize = 32;
const blockBytes = 34;

/**
 * Quantizes like ggml's quantize_row_q8_0_ref: per block of 32, d = max|x| / 127 stored as fp16,
 * then 32 int8 values round(x / d) (half away from zero). `src.length` must be a multiple of 32.
 */
export function quantizeQ8_0(src: Float32Array, out: Uint8Array, outOffset = 0): number {
    let o = outOffset;
    for (let block = 0; block < src.length; block += blockSize) {
        let amax = 0;
        for (let j = 0; j < blockSize; j++) amax = Math.max(amax, Math.abs(src[block + j]!));
        const d = Math.fround(amax / 127);
        const id = d !== 0 ? Math.fround(1 / d) : 0;
        const dBits = float32ToFloat16Bits(d);
        out[o] = dBits & 0xff;
        out[o + 1] = dBits >>> 8;
        for (let j = 0; j < blockSize; j++) {
            const scaled = Math.fround(src[block + j]! * id);
            const q = scaled < 0 ? -Math.round(-scaled) : Math.round(scaled);
            out[o + 2 + j] = q & 0xff;
        }
        o += blockBytes;
    }
    return o - outOffset;
}

/** The values a Q8_0 tensor stands for (q * d), for tests. */
export function dequantizeQ8_0(data: Uint8Array): Float32Array {
    const out = new Float32Array((data.length / blockBytes) * blockSize);
    for (let block = 0; block * blockBytes < data.length; block++) {
        const o = block * blockBytes;
        const d = float16BitsToFloat32((data[o] ?? 0) | ((data[o + 1] ?? 0) << 8));
        for (let j = 0; j < blockSize; j++) out[block * blockSize + j] = (((data[o + 2 + j] ?? 0) << 24) >> 24) * d;
    }
    return out;
}
