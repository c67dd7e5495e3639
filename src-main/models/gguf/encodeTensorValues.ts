import { float32ToFloat16Bits } from "./float16.js";
import { ggmlTypeLayout, GgmlType } from "./ggufTypes.js";
import { quantizeQ4_0 } from "./quantizeQ4_0.js";
import { quantizeQ8_0 } from "./quantizeQ8_0.js";

/** Bytes that `values.length` elements take in `type`. */
export function encodedLength(type: GgmlType, valueCount: number): number {
    const { blockSize, blockBytes } = ggmlTypeLayout[type];
    return (valueCount / blockSize) * blockBytes;
}

/** Encodes float values as a tensor type's bytes into `out` (from offset 0); returns the byte count. */
export function encodeTensorValues(type: GgmlType, values: Float32Array, out: Uint8Array): number {
    switch (type) {
        case GgmlType.F32:
            out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
            return values.byteLength;
        case GgmlType.F16: {
            // a native-endian view: GGUF is little-endian, like every host llama.cpp's CPU backend runs on here
            const halves = new Uint16Array(out.buffer, out.byteOffset, values.length);
            for (let i = 0; i < values.length; i++) halves[i] = float32ToFloat16Bits(values[i]!);
            return values.length * 2;
        }
        case GgmlType.Q4_0: return quantizeQ4_0(values, out);
        case GgmlType.Q8_0: return quantizeQ8_0(values, out);
        default: {
            const unknown: never = type;
            throw new Error(`no encoder for ggml type ${String(unknown)}`);
        }
    }
}
