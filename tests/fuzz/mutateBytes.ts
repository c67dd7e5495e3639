import type { Random } from "./Random.js";

/** How a seed document was damaged. */
export type ByteMutation = "flip" | "truncate" | "insert" | "repeat" | "zero" | "splice" | "flip-many";

/** Damages a document one way, as disks, downloads, bad tools and attackers do. */
export function mutateBytes(seed: Buffer, other: Buffer, random: Random): { bytes: Buffer; mutation: ByteMutation } {
    const mutation = random.pick<ByteMutation>(["flip", "flip", "flip-many", "truncate", "insert", "repeat", "zero", "splice"]);
    const bytes = Buffer.from(seed);
    const at = random.int(0, Math.max(0, bytes.length - 1));
    switch (mutation) {
        case "flip":
            for (let i = random.int(1, 4); i > 0; i--) flip(bytes, random.int(0, bytes.length - 1), random);
            return { bytes, mutation };
        case "flip-many":
            for (let i = random.int(5, 200); i > 0; i--) flip(bytes, random.int(0, bytes.length - 1), random);
            return { bytes, mutation };
        case "truncate":
            return { bytes: bytes.subarray(0, at), mutation };
        case "insert": {
            const junk = Buffer.from(Array.from({ length: random.int(1, 512) }, () => random.int(0, 255)));
            return { bytes: Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]), mutation };
        }
        case "repeat": {
            // A slice repeated many times: deep nesting, long lines, runaway structures.
            const end = Math.min(bytes.length, at + random.int(1, 64));
            const slice = bytes.subarray(at, end);
            return { bytes: Buffer.concat([bytes.subarray(0, end), Buffer.concat(Array(random.int(100, 20_000)).fill(slice)), bytes.subarray(end)]), mutation };
        }
        case "zero":
            bytes.fill(0, at, Math.min(bytes.length, at + random.int(1, 4096)));
            return { bytes, mutation };
        case "splice": {
            const from = random.int(0, Math.max(0, other.length - 1));
            return { bytes: Buffer.concat([bytes.subarray(0, at), other.subarray(from, from + random.int(1, 2048)), bytes.subarray(at)]), mutation };
        }
    }
}

function flip(bytes: Buffer, index: number, random: Random): void {
    if (bytes.length === 0) return;
    bytes[index] = random.chance(0.5) ? bytes[index]! ^ (1 << random.int(0, 7)) : random.pick([0, 0xff, 0x7f, 0x80, 0x3c, 0x3e, 0x22, 0x5c, 0x0a]);
}
