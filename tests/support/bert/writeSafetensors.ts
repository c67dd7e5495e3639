import fs from "node:fs/promises";
import { float32ToFloat16Bits } from "../../../src-main/models/gguf/float16.js";

export type SafetensorsTensorToWrite = {
    shape: readonly number[];
    /** Written as the dtype's bytes: F32, F16 (from float32 values) or any dtype given raw. */
    dtype: string;
    values?: Float32Array;
    /** Raw bytes for dtypes other than F32/F16 (e.g. I8), to test refusals. */
    bytes?: Uint8Array;
};

/** Writes a safetensors file (u64 header length, JSON header padded with spaces to 8 bytes, then the data). */
export async function writeSafetensors(filePath: string, tensors: ReadonlyMap<string, SafetensorsTensorToWrite>): Promise<void> {
    const header: Record<string, unknown> = { __metadata__: { format: "pt" } };
    const chunks: Uint8Array[] = [];
    let offset = 0;
    for (const [name, tensor] of tensors) {
        const bytes = tensor.bytes ?? encode(tensor);
        header[name] = { dtype: tensor.dtype, shape: tensor.shape, data_offsets: [offset, offset + bytes.length] };
        chunks.push(bytes);
        offset += bytes.length;
    }
    let json = JSON.stringify(header);
    json += " ".repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
    await fs.writeFile(filePath, Buffer.concat([length, Buffer.from(json), ...chunks]));
}

function encode(tensor: SafetensorsTensorToWrite): Uint8Array {
    const values = tensor.values ?? new Float32Array(0);
    if (tensor.dtype === "F32") return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    if (tensor.dtype === "F16") {
        const out = Buffer.alloc(values.length * 2);
        values.forEach((value, i) => out.writeUInt16LE(float32ToFloat16Bits(value), i * 2));
        return out;
    }
    throw new Error(`writeSafetensors encodes F32 and F16 values; give raw bytes for ${tensor.dtype}`);
}
