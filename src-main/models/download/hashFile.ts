import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export type HashFileOptions = {
    signal?: AbortSignal;
    /** Called with the bytes hashed so far, after each read. */
    onProgress?: (hashedBytes: number) => void;
};

/**
 * The SHA-256 of a file as 64 lowercase hex digits, read as a stream: model files are gigabytes, and
 * holding one in memory would cost as much RAM as loading the model.
 */
export async function hashFile(filePath: string, options: HashFileOptions = {}): Promise<string> {
    const hash = createHash("sha256");
    const stream = createReadStream(filePath, { highWaterMark: 1024 * 1024, ...(options.signal ? { signal: options.signal } : {}) });
    let hashed = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        hashed += chunk.length;
        options.onProgress?.(hashed);
    }
    return hash.digest("hex");
}
