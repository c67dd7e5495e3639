import fs from "node:fs/promises";

export type ReferenceTensor = { shape: number[]; values: Float32Array };

/**
 * The float tensors of a safetensors file, read whole and on its own terms (an 8-byte header length, a JSON
 * header, raw little-endian data) for the reference forward pass; it shares no code with the converter's reader.
 */
export async function readSafetensorsFloats(filePath: string): Promise<Map<string, ReferenceTensor>> {
    const file = await fs.readFile(filePath);
    const headerLength = Number(file.readBigUInt64LE(0));
    const header = JSON.parse(file.subarray(8, 8 + headerLength).toString("utf8")) as
        Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
    const dataStart = 8 + headerLength;
    const tensors = new Map<string, ReferenceTensor>();
    for (const [name, entry] of Object.entries(header)) {
        if (name === "__metadata__") continue;
        const bytes = file.subarray(dataStart + entry.data_offsets[0], dataStart + entry.data_offsets[1]);
        const values = new Float32Array(entry.shape.reduce((a, b) => a * b, 1));
        if (entry.dtype === "F32") for (let i = 0; i < values.length; i++) values[i] = bytes.readFloatLE(i * 4);
        else if (entry.dtype === "F16") for (let i = 0; i < values.length; i++) values[i] = halfToFloat(bytes.readUInt16LE(i * 2));
        else if (entry.dtype === "BF16") for (let i = 0; i < values.length; i++) values[i] = bfloat16ToFloat(bytes.readUInt16LE(i * 2));
        else continue;
        tensors.set(name, { shape: entry.shape, values });
    }
    return tensors;
}

function halfToFloat(bits: number): number {
    const sign = bits >> 15 ? -1 : 1;
    const exponent = (bits >> 10) & 31;
    const fraction = bits & 1023;
    if (exponent === 0) return sign * fraction * 2 ** -24;
    if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
    return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function bfloat16ToFloat(bits: number): number {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(bits * 65536);
    return buffer.readFloatLE(0);
}
