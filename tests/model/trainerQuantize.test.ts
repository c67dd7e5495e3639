import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { afterAll, describe, expect, it } from "vitest";
import { TrainerClient } from "../../src-main/trainer/TrainerClient.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-quantize-"));
const client = new TrainerClient();
afterAll(async () => {
    await client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
});

describe("TrainerClient.quantize", () => {
    it("makes a lower-bit copy of an already quantized model in the trainer worker, and leaves the original as it was", async () => {
        const source = await ensureSyntheticModel("tiny-q8_0");
        const before = fs.statSync(source);
        const out = path.join(dir, "tiny.Q4_0.gguf");
        expect(await client.quantize(source, out, "Q4_0", 2)).toBe(out);
        const info = await readGgufFileInfo(out, { logWarnings: false });
        // llama_ftype 2 = mostly Q4_0
        expect(info.metadata.general.file_type).toBe(2);
        expect(fs.statSync(out).size).toBeLessThan(before.size);
        expect(fs.statSync(source).mtimeMs).toBe(before.mtimeMs);
    });

    it("refuses to overwrite a file, and the worker keeps serving", async () => {
        const source = await ensureSyntheticModel("tiny-q8_0");
        const out = path.join(dir, "exists.gguf");
        fs.writeFileSync(out, "keep me");
        await expect(client.quantize(source, out, "Q4_0", 2)).rejects.toThrow(/already exists/);
        expect(fs.readFileSync(out, "utf8")).toBe("keep me");
        expect(await client.quantize(source, path.join(dir, "again.gguf"), "Q4_0", 2)).toMatch(/again\.gguf$/);
    });
});
