import fs from "node:fs/promises";
import { float16BitsToFloat32 } from "../../gguf/float16.js";
import { CheckpointInvalidError } from "./CheckpointInvalidError.js";
import { UnsupportedSafetensorsDtypeError } from "./UnsupportedSafetensorsDtypeError.js";

/** One tensor's header entry; `begin`/`end` are byte offsets into the data that follows the header. */
export type SafetensorsEntry = { name: string; dtype: string; shape: readonly number[]; begin: number; end: number };

const dtypeBytes: Readonly<Record<string, number>> = {
    F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U64: 8, U32: 4, U16: 2, U8: 1, BOOL: 1,
    F8_E4M3: 1, F8_E5M2: 1
};

// The format's own limit (safetensors rejects larger headers): a corrupt length must not allocate gigabytes.
const maxHeaderBytes = 100 * 1024 * 1024;

/**
 * A safetensors file (8-byte little-endian header length, a JSON header, then raw tensor bytes), read
 * tensor by tensor so that a conversion holds one tensor in memory at a time.
 */
export class SafetensorsFile {
    private constructor(
        readonly filePath: string,
        private readonly handle: fs.FileHandle,
        readonly entries: ReadonlyMap<string, SafetensorsEntry>,
        private readonly dataStart: number
    ) {}

    /** Opens the file and checks every header entry against the file's size; close it when done. */
    static async open(filePath: string): Promise<SafetensorsFile> {
        const handle = await fs.open(filePath, "r");
        try {
            const fileSize = (await handle.stat()).size;
            const invalid = (detail: string) => new CheckpointInvalidError(filePath, detail);
            if (fileSize < 8) throw invalid(`the file is ${fileSize} bytes long, too short for a safetensors header`);
            const headerLength = Number((await readExactly(handle, 0, 8, filePath)).readBigUInt64LE(0));
            if (headerLength > maxHeaderBytes || 8 + headerLength > fileSize)
                throw invalid(`its header claims ${headerLength} bytes, the file has ${fileSize}`);
            let header: unknown;
            try {
                header = JSON.parse((await readExactly(handle, 8, headerLength, filePath)).toString("utf8"));
            } catch {
                throw invalid("its safetensors header is not valid JSON");
            }
            const dataStart = 8 + headerLength;
            const entries = parseEntries(header, fileSize - dataStart, invalid);
            return new SafetensorsFile(filePath, handle, entries, dataStart);
        } catch (error) {
            await handle.close();
            throw error;
        }
    }

    /** A float tensor's values as F32, whatever float dtype it is stored in. */
    async readFloat32(name: string): Promise<Float32Array> {
        const entry = this.entries.get(name);
        if (entry == null) throw new CheckpointInvalidError(this.filePath, `it has no tensor "${name}"`);
        const bytes = await readExactly(this.handle, this.dataStart + entry.begin, entry.end - entry.begin, this.filePath);
        switch (entry.dtype) {
            case "F32": {
                // copy into a fresh, aligned buffer: the read buffer may sit at any byte offset
                const values = new Float32Array(bytes.length / 4);
                new Uint8Array(values.buffer).set(bytes);
                return values;
            }
            case "F16": {
                const values = new Float32Array(bytes.length / 2);
                for (let i = 0; i < values.length; i++) values[i] = float16BitsToFloat32(bytes.readUInt16LE(i * 2));
                return values;
            }
            case "BF16": {
                // bfloat16 is the top half of a float32
                const values = new Float32Array(bytes.length / 2);
                const bits = new Uint32Array(values.buffer);
                for (let i = 0; i < values.length; i++) bits[i] = bytes.readUInt16LE(i * 2) << 16;
                return values;
            }
            default:
                throw new UnsupportedSafetensorsDtypeError(this.filePath, name, entry.dtype);
        }
    }

    async close(): Promise<void> {
        await this.handle.close();
    }
}

function parseEntries(header: unknown, dataLength: number, invalid: (detail: string) => Error): Map<string, SafetensorsEntry> {
    if (header == null || typeof header !== "object" || Array.isArray(header)) throw invalid("its safetensors header is not a JSON object");
    const entries = new Map<string, SafetensorsEntry>();
    for (const [name, raw] of Object.entries(header)) {
        if (name === "__metadata__") continue;
        const { dtype, shape, data_offsets: offsets } = (raw ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
        const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
        if (typeof dtype !== "string" || !Array.isArray(shape) || !shape.every(isCount) ||
            !Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount))
            throw invalid(`the header entry of tensor "${name}" needs a dtype, a shape and two data offsets`);
        const [begin, end] = offsets as [number, number];
        if (begin > end || end > dataLength) throw invalid(`tensor "${name}" lies outside the file (bytes ${begin}..${end} of ${dataLength})`);
        const elementBytes = dtypeBytes[dtype];
        const elements = shape.reduce((product: number, dim: number) => product * dim, 1);
        if (elementBytes != null && end - begin !== elements * elementBytes)
            throw invalid(`tensor "${name}" (${dtype}, shape [${shape.join(", ")}]) needs ${elements * elementBytes} bytes, its offsets span ${end - begin}`);
        entries.set(name, { name, dtype, shape, begin, end });
    }
    return entries;
}

async function readExactly(handle: fs.FileHandle, position: number, length: number, filePath: string): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
        if (bytesRead === 0) throw new CheckpointInvalidError(filePath, `the file ends early, at byte ${position + done}`);
        done += bytesRead;
    }
    return buffer;
}
