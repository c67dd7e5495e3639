import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadModelFileError, ModelTooLargeError } from "../../src-main/common/errors.js";
import { Engine } from "../../src-main/engine/Engine.js";
import { inspectModelFile } from "../../src-main/engine/inspectModelFile.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { writeBadModelFiles, type BadModelFiles } from "../support/badModelFiles.js";

let tiny = "";
let dir = "";
let bad: BadModelFiles;
const engine = new Engine({ gpu: false, contextSize: 1024 });

beforeAll(async () => {
    tiny = await ensureSyntheticModel("tiny-q8_0");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-engine-"));
    bad = await writeBadModelFiles(tiny, dir);
});
afterAll(async () => {
    await engine.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
});

describe("Engine", () => {
    it("loads a GGUF with threads set to the CPU's math cores and resolves its chat wrapper", async () => {
        const llama = await engine.llama();
        const status = await engine.load("tiny", tiny);
        expect(status).toMatchObject({ state: "ready", modelId: "tiny", loadProgress: 1 });
        expect(status.threads).toBe(llama.cpuMathCores);
        expect(status.threads).toBeLessThanOrEqual(os.availableParallelism());
        expect(status.chatWrapper).toMatch(/llama/i);
        expect(engine.requireLoaded().context.contextSize).toBeLessThanOrEqual(1024);
    });

    it.each([
        ["a file that is not GGUF", () => bad.notGguf, /notes\.gguf is not a GGUF model file/],
        ["a truncated GGUF", () => bad.truncated, /truncated\.gguf is (truncated|.*damaged)/],
        ["an unsupported architecture", () => bad.unsupportedArchitecture, /alien\.gguf .*(architecture|damaged)/],
        ["a missing file", () => path.join(dir, "missing.gguf"), /missing\.gguf does not exist/]
    ])("refuses %s with a message naming the file, keeping the loaded model", async (_label, file, message) => {
        await expect(engine.load("bad", file())).rejects.toThrow(message);
        await expect(engine.load("bad", file())).rejects.toBeInstanceOf(BadModelFileError);
        expect(engine.status).toMatchObject({ state: "ready", modelId: "tiny" });
        expect(() => engine.requireLoaded()).not.toThrow();
    });

    it("refuses a model too large for the computer's memory before loading it", async () => {
        const llama = await engine.llama();
        await expect(inspectModelFile(llama, tiny, { contextSize: 1024, memoryBytes: 1024 * 1024 }))
            .rejects.toThrow(ModelTooLargeError);
        await expect(inspectModelFile(llama, tiny, { contextSize: 1024, memoryBytes: 1024 * 1024 }))
            .rejects.toThrow(/tiny.*needs about .* Choose a smaller model/s);
        await expect(engine.load("huge", bad.oversized)).rejects.toThrow(ModelTooLargeError);
        expect(engine.status.modelId).toBe("tiny");
    });

    it("serializes loads and disposes the old model first", async () => {
        const first = engine.requireLoaded().model;
        const [a, b] = await Promise.all([engine.load("one", tiny), engine.load("two", tiny)]);
        expect(a.modelId).toBe("one");
        expect(b.modelId).toBe("two");
        expect(first.disposed).toBe(true);
        expect(engine.status.modelId).toBe("two");
    });

    it("unloads to idle and then refuses to generate", async () => {
        await engine.unload();
        expect(engine.status.state).toBe("idle");
        expect(() => engine.requireLoaded()).toThrow(/No model is loaded/);
    });
});
