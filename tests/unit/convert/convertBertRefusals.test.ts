import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckpointFileMissingError } from "../../../src-main/models/convert/bert/CheckpointFileMissingError.js";
import { CheckpointInvalidError } from "../../../src-main/models/convert/bert/CheckpointInvalidError.js";
import { convertBertCheckpoint } from "../../../src-main/models/convert/bert/convertBertCheckpoint.js";
import { NotBertEncoderError } from "../../../src-main/models/convert/bert/NotBertEncoderError.js";
import { UnsupportedModuleError } from "../../../src-main/models/convert/bert/UnsupportedModuleError.js";
import { UnsupportedPoolingError } from "../../../src-main/models/convert/bert/UnsupportedPoolingError.js";
import { UnsupportedSafetensorsDtypeError } from "../../../src-main/models/convert/bert/UnsupportedSafetensorsDtypeError.js";
import { VocabularySizeMismatchError } from "../../../src-main/models/convert/bert/VocabularySizeMismatchError.js";
import { tinyBertShape, tinyBertVocab, writeTinyBertCheckpoint, type TinyBertOptions } from "../../support/bert/writeTinyBertCheckpoint.js";

let root = "";
let count = 0;
beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "locus-bert-refuse-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Converts a tiny checkpoint made with `options` (then changed by `edit`) into an empty folder; returns the error. */
async function refusal(options: TinyBertOptions, edit?: (dir: string) => void): Promise<{ error: Error; outDir: string }> {
    const dir = path.join(root, `checkpoint-${++count}`);
    await writeTinyBertCheckpoint(dir, options);
    edit?.(dir);
    const outDir = path.join(root, `out-${count}`);
    fs.mkdirSync(outDir);
    const error = await convertBertCheckpoint({ checkpointDir: dir, outPath: path.join(outDir, "model.gguf") }).then(
        () => new Error("the conversion succeeded"), (thrown: unknown) => thrown as Error);
    return { error, outDir };
}

/** Neither the GGUF nor its temporary file may be left behind. */
function expectNoFile(outDir: string): void {
    expect(fs.readdirSync(outDir)).toEqual([]);
}

describe("convertBertCheckpoint refuses what it cannot convert, names why, and writes nothing", () => {
    it("a causal LM's config (model_type llama): says a BERT encoder was expected and what was found", async () => {
        const { error, outDir } = await refusal({ config: { model_type: "llama", architectures: ["LlamaForCausalLM"] } });
        expect(error).toBeInstanceOf(NotBertEncoderError);
        expect(error.message).toContain("expected a BERT encoder (model_type \"bert\", sentence-transformers layout:");
        expect(error.message).toContain("found model_type \"llama\", architectures LlamaForCausalLM");
        expectNoFile(outDir);
    });

    it("a BERT config over a causal LM's weights: names the first encoder tensor missing and the tensors found", async () => {
        const hidden = tinyBertShape.hidden;
        const matrix = { shape: [hidden, hidden], dtype: "F32", values: new Float32Array(hidden * hidden) };
        const onlyTensors = new Map([["model.embed_tokens.weight", matrix], ["model.layers.0.self_attn.q_proj.weight", matrix]]);
        const { error, outDir } = await refusal({ onlyTensors });
        expect(error).toBeInstanceOf(NotBertEncoderError);
        expect(error.message).toContain("expected a BERT encoder (model_type \"bert\"");
        expect(error.message).toContain("found no tensor \"embeddings.word_embeddings.weight\" in model.safetensors " +
            "(its 2 tensors begin \"model.embed_tokens.weight\", \"model.layers.0.self_attn.q_proj.weight\")");
        expectNoFile(outDir);
    });

    it("an encoder tensor missing (the last layer's FFN down projection): NotBertEncoderError naming it", async () => {
        const { error, outDir } = await refusal({ omitTensors: ["encoder.layer.1.output.dense.weight"] });
        expect(error).toBeInstanceOf(NotBertEncoderError);
        expect(error.message).toContain("no tensor \"encoder.layer.1.output.dense.weight\" in model.safetensors");
        expectNoFile(outDir);
    });

    it("vocab.txt with more lines than the word embedding table has rows: says both numbers", async () => {
        const { error, outDir } = await refusal({ embeddingRows: tinyBertVocab.length - 3 });
        expect(error).toBeInstanceOf(VocabularySizeMismatchError);
        expect(error.message).toContain(`lists ${tinyBertVocab.length} tokens`);
        expect(error.message).toContain(`has ${tinyBertVocab.length - 3} rows`);
        expectNoFile(outDir);
    });

    it("a needed tensor in an integer dtype (I8 word embeddings): names the tensor and the dtype", async () => {
        const rows = tinyBertVocab.length;
        const replaceTensors = new Map([["embeddings.word_embeddings.weight",
            { shape: [rows, tinyBertShape.hidden], dtype: "I8", bytes: new Uint8Array(rows * tinyBertShape.hidden) }]]);
        const { error, outDir } = await refusal({ replaceTensors });
        expect(error).toBeInstanceOf(UnsupportedSafetensorsDtypeError);
        expect(error.message).toContain("Tensor \"embeddings.word_embeddings.weight\"");
        expect(error.message).toContain("stored as I8");
        expectNoFile(outDir);
    });

    it.each(["vocab.txt", "model.safetensors", "config.json", "tokenizer_config.json", path.join("1_Pooling", "config.json")])(
        "a missing %s: CheckpointFileMissingError with its path", async (file) => {
            const { error, outDir } = await refusal({}, (dir) => fs.rmSync(path.join(dir, file)));
            expect(error).toBeInstanceOf(CheckpointFileMissingError);
            expect(error.message).toContain(path.join(root, `checkpoint-${count}`, file));
            expectNoFile(outDir);
        });

    it("max pooling, and mean and max together: UnsupportedPoolingError naming the modes", async () => {
        const max = await refusal({ poolingConfig: { pooling_mode_max_tokens: true } });
        expect(max.error).toBeInstanceOf(UnsupportedPoolingError);
        expect(max.error.message).toContain("pooling \"max\"");
        expectNoFile(max.outDir);
        const both = await refusal({ poolingConfig: { pooling_mode_mean_tokens: true, pooling_mode_max_tokens: true } });
        expect(both.error).toBeInstanceOf(UnsupportedPoolingError);
        expect(both.error.message).toContain("pooling \"mean\" + \"max\"");
        expectNoFile(both.outDir);
    });

    it("a Dense module after pooling, which llama.cpp would skip: UnsupportedModuleError", async () => {
        const { error, outDir } = await refusal({}, (dir) => {
            const modulesPath = path.join(dir, "modules.json");
            const modules = JSON.parse(fs.readFileSync(modulesPath, "utf8")) as object[];
            modules.push({ idx: 3, name: "3", path: "3_Dense", type: "sentence_transformers.models.Dense" });
            fs.writeFileSync(modulesPath, JSON.stringify(modules));
        });
        expect(error).toBeInstanceOf(UnsupportedModuleError);
        expect(error.message).toContain("sentence_transformers.models.Dense");
        expectNoFile(outDir);
    });

    it("a tensor whose shape disagrees with config.json: CheckpointInvalidError with both shapes", async () => {
        const { error, outDir } = await refusal({ config: { intermediate_size: 48 } });
        expect(error).toBeInstanceOf(CheckpointInvalidError);
        expect(error.message).toContain("has shape [64, 32], config.json implies [48, 32]");
        expectNoFile(outDir);
    });

    it("NaN weights found while writing: the temporary file is removed and nothing is left", async () => {
        const values = new Float32Array(tinyBertShape.hidden).fill(Number.NaN);
        const replaceTensors = new Map([["encoder.layer.1.output.LayerNorm.bias", { shape: [tinyBertShape.hidden], dtype: "F32", values }]]);
        const { error, outDir } = await refusal({ replaceTensors });
        expect(error).toBeInstanceOf(CheckpointInvalidError);
        expect(error.message).toContain("NaN or infinite");
        expectNoFile(outDir);
    });
});
