import { createHash } from "node:crypto";

/**
 * The 16-byte key of an embedding input: the first half of its SHA-256. Two chunks share a vector
 * exactly when the model would see the same text, so the key is of the input (header included).
 */
export function embedHash(input: string): Uint8Array {
    return new Uint8Array(createHash("sha256").update(input, "utf8").digest().subarray(0, 16));
}
