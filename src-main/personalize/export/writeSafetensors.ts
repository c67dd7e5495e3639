import fs from "node:fs";

export type SafetensorsTensor = { name: string; shape: readonly number[]; data: Float32Array };

/**
 * Writes F32 tensors in the safetensors format (8-byte little-endian header length, a JSON header padded
 * with spaces to 8 bytes, then the tensors' bytes back to back), as the `safetensors` library does.
 */
export function writeSafetensors(filePath: string, tensors: readonly SafetensorsTensor[], metadata: Record<string, string> = {}): void {
    const header: Record<string, unknown> = { __metadata__: metadata };
    let offset = 0;
    for (const tensor of tensors) {
        const bytes = tensor.data.length * 4;
        if (tensor.shape.reduce((a, b) => a * b, 1) !== tensor.data.length)
            throw new Error(`${tensor.name}: shape ${tensor.shape.join("×")} does not hold ${tensor.data.length} values`);
        header[tensor.name] = { dtype: "F32", shape: tensor.shape, data_offsets: [offset, offset + bytes] };
        offset += bytes;
    }
    let json = JSON.stringify(header);
    json += " ".repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
    const fd = fs.openSync(filePath, "w", 0o644);
    try {
        fs.writeSync(fd, length);
        fs.writeSync(fd, json);
        for (const tensor of tensors) {
            const bytes = Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
            // safetensors is little-endian; so is every machine Locus runs on, which this guards.
            if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error("safetensors needs a little-endian machine");
            fs.writeSync(fd, bytes);
        }
        fs.fsyncSync(fd);
    } finally {
        fs.closeSync(fd);
    }
}
