import fs from "node:fs";
import path from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { beforeAll, describe, expect, it } from "vitest";
import { UnknownSyntheticModelError } from "../../support/gguf/errors.js";
import { ensureSyntheticModel } from "../../support/gguf/ensureSyntheticModel.js";
import { GgufValueType } from "../../../src-main/models/gguf/ggufTypes.js";
import { readGgufFile } from "../../support/gguf/readGgufFile.js";
import { llama3VocabFile } from "../../support/gguf/readLlama3Tokenizer.js";
import { ensureLlamaSource } from "../../support/llamaCpp/ensureLlamaSource.js";

// Reads the tiny model's header only: loading it in llama.cpp is tests/model/syntheticModel.test.ts's job.
let tiny = "";
beforeAll(async () => {
    tiny = await ensureSyntheticModel("tiny-q8_0");
}, 120_000);

describe("synthetic tiny model file", () => {
    it("is cached under .cache/models and returned again without being rewritten", async () => {
        expect(path.basename(tiny)).toMatch(/^tiny-q8_0\.[0-9a-f]{16}\.gguf$/);
        const before = fs.statSync(tiny).mtimeMs;
        expect(await ensureSyntheticModel("tiny-q8_0")).toBe(tiny);
        expect(fs.statSync(tiny).mtimeMs).toBe(before);
    });

    it("carries the full Llama 3 tokenizer of the vocab file, with Llama 3.1+ special token names", async () => {
        const header = readGgufFile(tiny);
        const vocab = readGgufFile(path.join(await ensureLlamaSource(), llama3VocabFile));
        const copiedKeys = ["model", "pre", "merges", "token_type", "bos_token_id"].map((key) => `tokenizer.ggml.${key}`);
        for (const key of copiedKeys) expect(header.kvs.get(key), key).toEqual(vocab.kvs.get(key));
        const tokens = header.kvs.get("tokenizer.ggml.tokens");
        expect(tokens?.type === GgufValueType.Array && tokens.items.length).toBe(128256);
        expect(tokens?.type === GgufValueType.Array && [tokens.items[128008], tokens.items[128009], tokens.items[128255]])
            .toEqual(["<|eom_id|>", "<|eot_id|>", "<|reserved_special_token_247|>"]);
        expect(header.kvs.get("tokenizer.ggml.eos_token_id")).toEqual({ type: GgufValueType.Uint32, value: 128009 });
    });

    it("is read by node-llama-cpp's GGUF parser as a llama model with a Llama 3 chat template", async () => {
        const info = await readGgufFileInfo(tiny, { logWarnings: false });
        expect(info.metadata.general.architecture).toBe("llama");
        expect(info.metadata.tokenizer.chat_template).toContain("<|start_header_id|>");
        expect(info.tensorInfo).toHaveLength(20);
        const ours = readGgufFile(tiny).tensors.map(({ name, offset }) => [name, offset]);
        expect(info.tensorInfo?.map(({ name, offset }) => [name, Number(offset)])).toEqual(ours);
    });

    it("rejects unknown model names with the list of known ones", async () => {
        await expect(ensureSyntheticModel("huge" as never)).rejects.toBeInstanceOf(UnknownSyntheticModelError);
    });
});
