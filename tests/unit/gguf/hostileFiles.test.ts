import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSyntheticModel } from "../../support/gguf/ensureSyntheticModel.js";
import { GgufFormatError } from "../../../src-main/models/gguf/GgufFormatError.js";
import { ggmlTensorBytes } from "../../../src-main/models/gguf/ggmlTensorBytes.js";
import { GgufValueType } from "../../../src-main/models/gguf/ggufTypes.js";
import { writeNonGgufFile } from "../../support/gguf/hostile/writeNonGgufFile.js";
import { writeOversizedGguf } from "../../support/gguf/hostile/writeOversizedGguf.js";
import { writeTruncatedCopy } from "../../support/gguf/hostile/writeTruncatedCopy.js";
import { writeUnsupportedArchitectureGguf } from "../../support/gguf/hostile/writeUnsupportedArchitectureGguf.js";
import { readGgufFile } from "../../support/gguf/readGgufFile.js";

let dir = "";
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("hostile model files", () => {
    it("makes a non-GGUF file that GGUF parsers reject", async () => {
        const file = path.join(dir, "page.gguf");
        await writeNonGgufFile(file);
        expect(() => readGgufFile(file)).toThrow(GgufFormatError);
        await expect(readGgufFileInfo(file, { logWarnings: false })).rejects.toThrow();
    });

    it("makes a truncated copy whose header parses but whose tensors run past the end", async () => {
        const model = await ensureSyntheticModel("tiny-q8_0");
        const file = path.join(dir, "truncated.gguf");
        const kept = await writeTruncatedCopy(model, file, 0.5);
        expect(fs.statSync(file).size).toBe(kept);
        expect(kept).toBe(Math.floor(fs.statSync(model).size / 2));
        const header = readGgufFile(file);
        const last = header.tensors.at(-1)!;
        expect(header.dataOffset + last.offset + ggmlTensorBytes(last.dims, last.type)).toBeGreaterThan(kept);
    }, 120_000);

    it("makes a well-formed GGUF with an architecture llama.cpp does not know", async () => {
        const file = path.join(dir, "alien.gguf");
        await writeUnsupportedArchitectureGguf(file);
        expect(readGgufFile(file).kvs.get("general.architecture")).toEqual({ type: GgufValueType.String, value: "locus-unknown-arch" });
    });

    it("makes a 70B-like GGUF that declares ~40 GB but occupies only its header on disk", async () => {
        const file = path.join(dir, "oversized.gguf");
        const layout = await writeOversizedGguf(file);
        const stat = fs.statSync(file);
        expect(stat.size).toBe(layout.fileSize);
        expect(stat.size).toBeGreaterThan(35e9);
        expect(stat.blocks * 512).toBeLessThan(64 * 1024 * 1024);
        const info = await readGgufFileInfo(file, { logWarnings: false });
        expect(info.metadata.general.architecture).toBe("llama");
        expect((info.metadata as { llama?: { block_count?: number } }).llama?.block_count).toBe(80);
    }, 120_000);
});
