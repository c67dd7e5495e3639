import { createHash } from "node:crypto";

/**
 * Deterministic stand-in for a model file: "GGUF" followed by pseudo-random bytes (SHA-256 in counter
 * mode), so every part of it differs and a misplaced or repeated range changes its hash.
 */
export function fakeModelBytes(size: number, seed = "locus"): Buffer {
    const bytes = Buffer.alloc(size);
    for (let offset = 0, block = 0; offset < size; offset += 32, block++)
        createHash("sha256").update(`${seed}:${block}`).digest().copy(bytes, offset);
    bytes.write("GGUF", 0, "latin1");
    return bytes;
}
