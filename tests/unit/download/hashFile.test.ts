import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashFile } from "../../../src-main/models/download/hashFile.js";
import { fakeModelBytes } from "../../support/fakeHub/fakeModelBytes.js";

const dir = await fs.mkdtemp(path.join(os.tmpdir(), "locus-hash-"));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("hashFile", () => {
    it("gives the standard SHA-256 as lowercase hex", async () => {
        const file = path.join(dir, "abc.txt");
        await fs.writeFile(file, "abc");
        expect(await hashFile(file)).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    });

    it("streams a file larger than one read and reports the bytes hashed so far", async () => {
        const bytes = fakeModelBytes(3 * 1024 * 1024 + 17);
        const file = path.join(dir, "big.bin");
        await fs.writeFile(file, bytes);
        const seen: number[] = [];
        expect(await hashFile(file, { onProgress: (n) => seen.push(n) })).toBe(createHash("sha256").update(bytes).digest("hex"));
        expect(seen.length).toBeGreaterThan(1);
        expect(seen.at(-1)).toBe(bytes.length);
        expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    });

    it("reads in chunks, so timers keep firing while a large file is hashed", async () => {
        const file = path.join(dir, "large.bin");
        await fs.writeFile(file, Buffer.alloc(64 * 1024 * 1024, 7));
        let last = performance.now();
        let longestGap = 0;
        let ticks = 0;
        const timer = setInterval(() => {
            const now = performance.now();
            longestGap = Math.max(longestGap, now - last);
            last = now;
            ticks++;
        }, 2);
        const start = performance.now();
        try {
            await hashFile(file);
        } finally {
            clearInterval(timer);
        }
        const took = performance.now() - start;
        // Hashing 64 MiB in one blocking call would leave a single gap as long as the whole run.
        expect(ticks).toBeGreaterThanOrEqual(4);
        expect(longestGap).toBeLessThan(Math.max(50, took / 4));
        await fs.rm(file);
    });

    it("stops when its signal is aborted", async () => {
        const file = path.join(dir, "big.bin");
        const controller = new AbortController();
        controller.abort();
        await expect(hashFile(file, { signal: controller.signal })).rejects.toThrow(/abort/i);
    });
});
