import { GgmlType } from "../../../src-main/models/gguf/ggufTypes.js";

/**
 * Negates the 32 values of the block at `offset` in place. For Q8_0 and Q4_0 flipping the sign of the fp16
 * scale d is enough (Q4_0's bytes then equal ggml's quantization of the negated values; Q8_0's dequantize to
 * the same values), which keeps negation to one byte per block on the 1B model's billion weights.
 */
export function negateBlock(type: GgmlType, bytes: Uint8Array, offset: number): void {
    switch (type) {
        case GgmlType.Q8_0:
        case GgmlType.Q4_0:
            bytes[offset + 1]! ^= 0x80; // sign bit of little-endian fp16 d
            return;
        case GgmlType.F32:
            for (let i = 3; i < 32 * 4; i += 4) bytes[offset + i]! ^= 0x80;
            return;
        case GgmlType.F16:
            for (let i = 1; i < 32 * 2; i += 2) bytes[offset + i]! ^= 0x80;
            return;
        default: {
            const unknown: never = type;
            throw new Error(`cannot negate a block of ggml type ${String(unknown)}`);
        }
    }
}
