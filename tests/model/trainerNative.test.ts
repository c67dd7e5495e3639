import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { GgmlType, readGgufFileInfo } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWindows, concatWindows } from "../../src-main/trainer/data/buildWindows.js";
import { ensureTrainerAddon } from "../../src-main/trainer/native/build.js";
import { loadNativeTrainer } from "../../src-main/trainer/native/loadNativeTrainer.js";
import { readTrainerBuildStamp } from "../../src-main/trainer/native/trainerBuildPaths.js";
import { TrainerClient } from "../../src-main/trainer/TrainerClient.js";
import type { NativeTrainerAddon, NativeTrainerSession } from "../../src-main/trainer/native/nativeTrainerTypes.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { generateSyntheticModel } from "../support/gguf/generateSyntheticModel.js";
import { tinyShape } from "../support/gguf/llamaShapes.js";

let addon: NativeTrainerAddon;
let addonPath = "";
let dir = "";
const models: Record<"f32" | "q8_0" | "q4_0" | "f16", string> = { f32: "", q8_0: "", q4_0: "", f16: "" };
const text = "The river floods every spring and the farmers move their sheep to the hills. ".repeat(30);

beforeAll(async () => {
    addonPath = await ensureTrainerAddon();
    addon = loadNativeTrainer({ addonPath });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "locus-trainer-native-"));
    models.f32 = await ensureSyntheticModel("tiny-f32");
    models.q8_0 = await ensureSyntheticModel("tiny-q8_0");
    for (const quant of ["q4_0", "f16"] as const) {
        models[quant] = path.join(dir, `tiny-${quant}.gguf`);
        await generateSyntheticModel(tinyShape, quant, models[quant], { seed: 42 });
    }
});

afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
});

let adapterCount = 0;
async function freshAdapter(modelPath: string, options: { targets?: string[]; rank?: number; lastLayers?: number } = {}): Promise<string> {
    const outputPath = path.join(dir, `fresh-${String(adapterCount++)}.gguf`);
    await addon.writeFreshAdapter({
        modelPath, outputPath, targets: options.targets ?? ["attn_q", "attn_v"], rank: options.rank ?? 4, alpha: 8,
        lastLayers: options.lastLayers ?? 0, seed: 3, metadata: { "locus.test": "yes" }
    });
    return outputPath;
}

/** Matrices that write into the residual stream learn fastest on a random model, and overflow first. */
const learningTargets = ["attn_q", "attn_v", "attn_output", "ffn_down"];

async function open(modelPath: string, contextSize = 256): Promise<NativeTrainerSession> {
    const adapterPath = await freshAdapter(modelPath, { targets: learningTargets, rank: 4 });
    return addon.openSession({ modelPath, adapterPath, scratchDir: dir, contextSize, microBatchSize: 256, threads: 2 });
}

async function firstWindow(session: NativeTrainerSession): Promise<Int32Array> {
    const [window] = buildWindows([await session.tokenize(text, true)], session.info().contextSize);
    if (window === undefined) throw new Error("no window");
    return window;
}

describe("native trainer addon", () => {
    it("writes a fresh adapter: A small and random [in, r], B zero [r, out], for the chosen matrices and last layers", async () => {
        const adapterPath = await freshAdapter(models.f32, { targets: ["attn_q", "ffn_down"], rank: 4, lastLayers: 1 });
        const info = await readGgufFileInfo(adapterPath);
        expect(info.metadata).toMatchObject({
            general: { architecture: "llama", type: "adapter" }, adapter: { type: "lora", lora: { alpha: 8 } }, locus: { test: "yes" }
        });
        const tensors = Object.fromEntries((info.fullTensorInfo ?? []).map((tensor) => [tensor.name, tensor.dimensions.map(Number)]));
        expect(Object.keys(tensors).sort()).toEqual([
            "blk.1.attn_q.weight.lora_a", "blk.1.attn_q.weight.lora_b", "blk.1.ffn_down.weight.lora_a", "blk.1.ffn_down.weight.lora_b"
        ]);
        expect(tensors["blk.1.attn_q.weight.lora_a"]).toEqual([64, 4]);
        expect(tensors["blk.1.attn_q.weight.lora_b"]).toEqual([4, 64]);
        expect(tensors["blk.1.ffn_down.weight.lora_a"]?.[1]).toBe(4);
        await expect(addon.writeFreshAdapter({
            modelPath: models.f32, outputPath: adapterPath, targets: ["attn_q"], rank: 4, alpha: 8, lastLayers: 0, seed: 1, metadata: {}
        })).rejects.toMatchObject({ code: "ERR_TRAINER_IO" });
        await expect(freshAdapter(models.f32, { targets: ["lm_head"] })).rejects.toMatchObject({ code: "ERR_TRAINER_UNSUPPORTED" });
    });

    // tinyShape: 2 blocks, width 64, 4 query heads and 2 key/value heads of 16 (attn_v maps 64 -> 32),
    // feed-forward 128 (ffn_down maps 128 -> 64).
    it("writes a question and answer as one exchange in the model's chat template, whose markers become special tokens", async () => {
        const session = await open(models.f32);
        try {
            const exchange = session.formatExchange("When does the desk open?", "At nine.");
            expect(exchange).toBe(
                "<|start_header_id|>user<|end_header_id|>\n\nWhen does the desk open?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nAt nine.<|eot_id|>"
            );
            const special = Array.from(await session.tokenize(exchange ?? "", true, true));
            const plain = Array.from(await session.tokenize(exchange ?? "", true));
            expect(special[0]).toBe(session.info().bosToken);
            // <|eot_id|> and the header markers are single tokens of Llama 3's vocabulary, not spelled out.
            expect(special.filter((token) => token === 128009)).toHaveLength(2);
            expect(plain).not.toContain(128009);
            expect(special.length).toBeLessThan(plain.length);
        } finally {
            await session.dispose();
        }
    });

    it("learns question-answer pairs beside documents through the worker, each pair in the chat template", async () => {
        const client = new TrainerClient();
        try {
            const result = await client.train({
                modelPath: models.q8_0, outputDir: path.join(dir, "pairs"), name: "pairs", documents: [{ id: "d1", text }],
                pairs: Array.from({ length: 6 }, (_, i) => ({ question: `Which boat left at dawn on day ${String(i)}?`, answer: `The herring boat number ${String(i)}.` })),
                options: { budgetSeconds: 600, maxSteps: 2, threads: 2, windowTokens: 256, validationFraction: 0 }
            });
            expect(result.stats).toMatchObject({ pairs: 6, pairsInChatTemplate: true, trainDocuments: 7, steps: 2 });
            expect(result.adapterPath).not.toBeNull();
        } finally {
            await client.dispose();
        }
    }, 300_000);

    it("scores held-out text as the optimizer does, on whole windows or shorter spans", async () => {
        const session = await open(models.q8_0);
        try {
            const window = await firstWindow(session);
            const evaluated = await session.evaluate(window);
            // A step reports the loss of the weights it started from: the same number, from the optimizer's graph.
            const step = await session.trainStep(window, 1e-6);
            expect(evaluated.tokens).toBe(256);
            expect(Math.abs(evaluated.loss - step.loss)).toBeLessThan(1e-3 * step.loss);
            const short = await session.evaluate(window.slice(0, 65));
            expect(short.tokens).toBe(64);
            expect(Number.isFinite(short.loss)).toBe(true);
            // Two spans back to back: a whole window, then a cut one.
            expect((await session.evaluate(concatWindows([window, window.slice(0, 33)]))).tokens).toBe(256 + 32);
            await expect(session.evaluate(window.slice(0, 1))).rejects.toMatchObject({ code: "ERR_TRAINER_INPUT" });
        } finally {
            await session.dispose();
        }
    });

    it("rounds the context up to a multiple of 256 and reports what llama.cpp really uses", async () => {
        const session = await open(models.f32, 300);
        try {
            expect(session.info()).toMatchObject({
                architecture: "llama", contextSize: 512, threads: 2, layerCount: 2, adapterMatrices: 8,
                trainableParameters: 2 * 4 * ((64 + 64) + (64 + 32) + (64 + 64) + (128 + 64))
            });
            await expect(session.trainStep(new Int32Array(100), 1e-3)).rejects.toMatchObject({ code: "ERR_TRAINER_INPUT" });
        } finally {
            await session.dispose();
        }
    });

    it.each(["f32", "q8_0", "q4_0", "f16"] as const)("trains LoRA on a %s base: the loss of the window falls after a few steps", async (quant) => {
        const session = await open(models[quant]);
        try {
            const window = await firstWindow(session);
            const before = await session.evaluate(window);
            for (let i = 0; i < 3; i++) expect((await session.trainStep(window, 3e-2)).diverged).toBe(false);
            const after = await session.evaluate(window);
            expect(Number.isFinite(after.loss)).toBe(true);
            expect(after.loss).toBeLessThan(before.loss - 0.05);
            expect(session.info().trainingGraphNodes).toBeGreaterThan(session.info().forwardGraphNodes);
        } finally {
            await session.dispose();
        }
    });

    // The bases people download are mostly Q4_K_M. K-quants need rows of 256 values: a wider tiny model,
    // quantized by llama.cpp's own quantizer (which keeps some matrices at Q6_K, as for real models).
    it("trains LoRA on a Q4_K_M base made by llama.cpp's quantizer: the loss of the window falls", async () => {
        const wide = { ...tinyShape, embeddingLength: 256, feedForwardLength: 512, headCount: 4, headCountKv: 2 };
        const f32 = path.join(dir, "wide-f32.gguf");
        await generateSyntheticModel(wide, "f32", f32, { seed: 5 });
        const q4km = await addon.quantizeModel({ inputPath: f32, outputPath: path.join(dir, "wide-q4_k_m.gguf"), type: "Q4_K_M", threads: 2 });
        const types = new Set((await readGgufFileInfo(q4km)).fullTensorInfo?.filter((tensor) => tensor.name.startsWith("blk.")).map((tensor) => tensor.ggmlType));
        expect(types.has(GgmlType.Q4_K)).toBe(true);
        const session = await open(q4km);
        try {
            const window = await firstWindow(session);
            const before = await session.evaluate(window);
            for (let i = 0; i < 3; i++) expect((await session.trainStep(window, 3e-2)).diverged).toBe(false);
            const after = await session.evaluate(window);
            expect(after.loss).toBeLessThan(before.loss - 0.05);
        } finally {
            await session.dispose();
        }
        await expect(addon.quantizeModel({ inputPath: f32, outputPath: q4km, type: "Q4_K_M" })).rejects.toMatchObject({ code: "ERR_TRAINER_IO" });
    });

    it("rolls back a step that overflows (absurd learning rate) to the last weights with a finite loss", async () => {
        const session = await open(models.f32);
        try {
            const window = await firstWindow(session);
            const before = await session.evaluate(window);
            // AdamW moves each weight by about the learning rate per step: two steps the same way overflow.
            let diverged = false;
            for (let i = 0; i < 8 && !diverged; i++) diverged = (await session.trainStep(window, 3e38)).diverged;
            expect(diverged).toBe(true);
            const after = await session.evaluate(window);
            expect(Number.isFinite(after.loss)).toBe(true);
            expect(after.loss).toBeCloseTo(before.loss, 3);
        } finally {
            await session.dispose();
        }
    });

    it("saves kept weights to new files only, and runs one call at a time", async () => {
        const session = await open(models.f32);
        try {
            const window = await firstWindow(session);
            await session.trainStep(window, 1e-2);
            session.keepBest();
            const target = path.join(dir, "kept.gguf");
            const [saved, busy] = await Promise.allSettled([
                session.save(target, { best: true, metadata: { "locus.base.fingerprint": "abc" } }),
                session.evaluate(concatWindows([window]))
            ]);
            expect(saved).toMatchObject({ status: "fulfilled", value: target });
            expect(busy).toMatchObject({ status: "rejected", reason: { code: "ERR_TRAINER_BUSY" } });
            await expect(session.save(target, { best: true, metadata: {} })).rejects.toMatchObject({ code: "ERR_TRAINER_IO" });
            expect((await readGgufFileInfo(target)).metadata).toMatchObject({ locus: { base: { fingerprint: "abc" } } });
            expect((await fs.readdir(dir)).filter((file) => file.includes(".partial-"))).toEqual([]);
        } finally {
            await session.dispose();
        }
        await expect(session.evaluate(new Int32Array(257))).rejects.toMatchObject({ code: "ERR_TRAINER_DISPOSED" });
    });

    it("refuses an adapter made for another model shape", async () => {
        const foreign = await freshAdapter(models.f32);
        const info = await readGgufFileInfo(foreign);
        expect(info.metadata.general.architecture).toBe("llama");
        // Same architecture and names, wrong shapes: a model whose blocks are wider.
        const wide = path.join(dir, "wide.gguf");
        await generateSyntheticModel({ ...tinyShape, embeddingLength: 128, feedForwardLength: 256 }, "f32", wide, { seed: 1 });
        await expect(addon.openSession({ modelPath: wide, adapterPath: foreign, scratchDir: dir, contextSize: 256, microBatchSize: 256, threads: 1 }))
            .rejects.toMatchObject({ code: "ERR_TRAINER_ADAPTER" });
    });

    // The trainer's own CPU backend (ggml-patches/) replaces the backward through quantized weights and
    // reads repacked Q4_0 back; it must compute what node-llama-cpp's backend computes, only faster.
    it("trains a Q4_0 base to the same losses with the trainer's CPU backend as with node-llama-cpp's", async () => {
        expect(readTrainerBuildStamp(addonPath)?.cpuBackend).toBeDefined();
        const run = async (stock: boolean): Promise<number[]> => {
            const client = new TrainerClient({ env: { ...process.env, LOCUS_TRAINER_STOCK_GGML: stock ? "1" : "0" } });
            const losses: number[] = [];
            try {
                await client.train({
                    modelPath: models.q4_0, outputDir: path.join(dir, stock ? "stock" : "patched"), name: "same",
                    documents: [{ id: "a", text }],
                    options: { budgetSeconds: 120, maxSteps: 3, threads: 2, windowTokens: 256, learningRate: 1e-2, targets: ["attn_q", "attn_v", "ffn_down"] }
                }, { onEvent: (event) => { if (event.type === "progress") losses.push(event.trainLoss); } });
            } finally {
                await client.dispose();
            }
            return losses;
        };
        const stock = await run(true);
        const patched = await run(false);
        expect(patched).toHaveLength(3);
        patched.forEach((loss, i) => expect(loss).toBeCloseTo(stock[i] ?? Number.NaN, 3));
        const session = await open(models.q4_0);
        try {
            expect(session.info().repackedWeights).toBe(true);
        } finally {
            await session.dispose();
        }
    });
});
