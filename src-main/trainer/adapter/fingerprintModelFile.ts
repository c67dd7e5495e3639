import { createHash } from "node:crypto";
import fs from "node:fs/promises";

const version = "locus-model-fingerprint-v1";
const headBytes = 8 * 1024 * 1024;
const tailBytes = 1024 * 1024;
const samples = 32;
const sampleBytes = 64 * 1024;

/**
 * Identifies a model file quickly, whatever its size: SHA-256 over its size, its first 8 MiB (the GGUF
 * header and tensor table, usually with the first weights), 32 slices of 64 KiB spread over the weights,
 * and its last MiB. Two different models (another quantization, another fine-tune of the same shape)
 * differ in these bytes; reading them takes milliseconds where hashing a 4 GB file takes seconds.
 * Not a defence against a forged file: downloads are checked by their full SHA-256 elsewhere.
 */
export async function fingerprintModelFile(modelPath: string): Promise<string> {
    const file = await fs.open(modelPath, "r");
    try {
        const { size } = await file.stat();
        const hash = createHash("sha256").update(`${version}:${String(size)}:`);
        const ranges: Array<[number, number]> = [[0, Math.min(size, headBytes)]];
        for (let i = 0; i < samples; i++) {
            const start = Math.floor(((size - sampleBytes) * i) / samples);
            if (start > headBytes) ranges.push([start, Math.min(size, start + sampleBytes)]);
        }
        ranges.push([Math.max(0, size - tailBytes), size]);
        for (const [start, end] of ranges) {
            const buffer = Buffer.alloc(end - start);
            await file.read(buffer, 0, buffer.length, start);
            hash.update(buffer);
        }
        return `${version}:${hash.digest("hex")}`;
    } finally {
        await file.close();
    }
}
