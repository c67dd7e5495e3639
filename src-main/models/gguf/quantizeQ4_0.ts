import { float32ToFloat16Bits, float16BitsToFloat32 } from "./float16.js";

const blockSize = 32;
const blockBytes = 18;

/**
 * Quantizes like ggml's quantize_row_q4_0_ref: per block of 32, d = (value of largest magnitude) / -8 as
 * fp16, then nibbles min(15, trunc(x / d + 8.5)); byte j holds element j (low nibble) and j + 16 (high).
 */
export function quantizeQ4_0(src: Float32Array, out: Uint8Array, outOffset = 0): number {
    let o = outOffset;
    for (let block = 0; block < src.length; block += blockSize) {
        let amax = 0;
        let max = 0;
        for (let j = 0; j < blockSize; j++) {
            const value = src[block + j]!;
            if (amax < Math.abs(value)) {
                amax = Math.abs(value);
                max = value;
            }
        }
        const d = Math.fround(max / -8);
        const id = d !== 0 ? Math.fround(1 / d) : 0;
        const dBits = float32ToFloat16Bits(d);
        out[o] = dBits & 0xff;
        out[o + 1] = dBits >>> 8;
        for (let j = 0; j < blockSize / 2; j++) {
            const low = Math.min(15, Math.trunc(Math.fround(Math.fround(src[block + j]! * id) + 8.5)));
            const high = Math.min(15, Math.trunc(Math.fround(Math.fround(src[block + 16 + j]! * id) + 8.5)));
            out[o + 2 + j] = low | (high << 4);
        }
        o += blockBytes;
    }
    return o - outOffset;
}

/** The values a Q4_0 tensor stands for ((nibble - 8) * d), for tests. */
export function dequantizeQ4_0(data: Uint8Array): Float32Array {
    const out = new Float32Array((data.length / blockBytes) * blockSize);
    for (let block = 0; block * blockBytes < data.length; block++) {
        const o = block * blockBytes;
        const d = float16BitsToFloat32((data[o] ?? 0) | ((data[o + 1] ?? 0) << 8));
        for (let j = 0; j < blockSize / 2; j++) {
            const byte = data[o + 2 + j] ?? 0;
            out[block * blockSize + j] = ((byte & 0x0f) - 8) * d;
            out[block * blockSize + 16 + j] = ((byte >>> 4) - 8) * d;
        }
    }
    return out;
}
