import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getLlama, type Llama, type LlamaModel, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAdapterBase } from "../../src-main/trainer/adapter/verifyAdapterBase.js";
import { AdapterBaseMismatchError } from "../../src-main/trainer/errors/AdapterBaseMismatchError.js";
import { ensureTrainerAddon } from "../../src-main/trainer/native/build.js";
import { TrainerClient } from "../../src-main/trainer/TrainerClient.js";
import type { TrainingDocument, TrainingEvent, TrainingResult } from "../../src-main/trainer/types.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

// The synthetic models have random weights: what they can learn in a few steps is the text's own
// statistics, which held-out documents of the same kind share.
const documents: TrainingDocument[] = Array.from({ length: 12 }, (_, i) => ({
    id: `notes-${String(i)}`,
    text: `Section ${String(i)}. The quick brown fox jumps over the lazy dog while the cat watches from the warm window. `.repeat(6)
}));

let dir = "";
let quantized = "";
let float32 = "";
let llama: Llama;
const client = new TrainerClient();
let trained: TrainingResult;
const events: TrainingEvent[] = [];

beforeAll(async () => {
    await ensureTrainerAddon();
    [quantized, float32] = await Promise.all([ensureSyntheticModel("tiny-q8_0"), ensureSyntheticModel("tiny-f32")]);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "locus-trainer-"));
    llama = await getLlama({ gpu: false });
    trained = await client.train({
        modelPath: quantized,
        outputDir: dir,
        name: "notes",
        documents,
        options: {
            budgetSeconds: 150, maxSteps: 12, threads: 2, windowTokens: 256, learningRate: 3e-2, rank: 8,
            targets: ["attn_q", "attn_v", "attn_output", "ffn_down"], validationFraction: 0.2
        }
    }, { onEvent: (event) => events.push(event) });
});

afterAll(async () => {
    await client.dispose();
    await llama?.dispose();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** Mean log-probability per token of `tokens` under the model, optionally with an adapter attached. */
async function meanLogProbability(model: LlamaModel, tokens: readonly Token[], adapterPath?: string): Promise<number> {
    const context = await model.createContext({
        contextSize: 512, threads: 2, ...(adapterPath ? { lora: { adapters: [{ filePath: adapterPath }] } } : {})
    });
    try {
        const input = tokens.slice(0, -1).map((token, i) => [token, {
            generateNext: { logits: { filter: { tokens: [tokens[i + 1] as Token], includeTop: 1 } }, totalLogitWeight: true }
        }] as const);
        const output = await context.getSequence().controlledEvaluate(input as never);
        let sum = 0;
        for (let i = 0; i < input.length; i++) {
            const next = output[i]?.next;
            const logits = next?.logits;
            if (logits === undefined || next?.totalLogitWeight === undefined) throw new Error(`no logits at ${String(i)}`);
            const max = Math.max(...logits.values());
            sum += (logits.get(tokens[i + 1] as Token) ?? Number.NaN) - max - Math.log(next.totalLogitWeight);
        }
        return sum / input.length;
    } finally {
        await context.dispose();
    }
}

describe("LoRA trainer on a quantized (Q8_0) base", () => {
    it("lowers the validation loss on held-out documents by a clear margin", () => {
        const { stats } = trained;
        expect(stats).toMatchObject({ stoppedBy: "max-steps", steps: 12, divergences: 0, threads: 2, windowTokens: 256 });
        expect(stats.trainDocuments).toBeGreaterThan(0);
        expect(stats.validationDocuments).toBeGreaterThan(0);
        expect(stats.initialValidationLoss).not.toBeNull();
        expect(stats.bestValidationLoss).not.toBeNull();
        expect((stats.initialValidationLoss ?? 0) - (stats.bestValidationLoss ?? 0)).toBeGreaterThan(0.15);
        expect(trained.adapterPath).toMatch(/notes\.step\d+\.[0-9a-f]{8}\.gguf$/);
    });

    it("reports progress for every step and a checkpoint for the adapter it returns", () => {
        const progress = events.filter((event) => event.type === "progress");
        expect(progress.map((event) => event.step)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        expect(progress.every((event) => Number.isFinite(event.trainLoss) && event.tokensPerSecond > 0)).toBe(true);
        expect(events.filter((event) => event.type === "checkpoint").at(-1)).toMatchObject({ adapterPath: trained.adapterPath });
    });

    it("writes an adapter node-llama-cpp loads, which makes held-out text more likely than the base alone", async () => {
        const model = await llama.loadModel({ modelPath: quantized });
        try {
            const heldOut = model.tokenize(`Section 42. ${documents[0]?.text ?? ""}`).slice(0, 200);
            const base = await meanLogProbability(model, heldOut);
            const adapted = await meanLogProbability(model, heldOut, trained.adapterPath ?? "");
            expect(Number.isFinite(adapted)).toBe(true);
            expect(adapted - base).toBeGreaterThan(0.1);
        } finally {
            await model.dispose();
        }
    });

    it("leaves only the returned adapter in the output folder, nothing hidden or partial", async () => {
        expect(await fs.readdir(dir)).toEqual([path.basename(trained.adapterPath ?? "")]);
    });

    it("refuses the adapter for another base model, and for a file that does not say its base", async () => {
        const adapterPath = trained.adapterPath ?? "";
        await expect(verifyAdapterBase(adapterPath, quantized)).resolves.toBeUndefined();
        await expect(verifyAdapterBase(adapterPath, float32)).rejects.toBeInstanceOf(AdapterBaseMismatchError);
        await expect(verifyAdapterBase(adapterPath, float32)).rejects.toThrow(/trained on a different model/);
        const foreign = path.join(dir, "foreign.gguf");
        const bytes = await fs.readFile(adapterPath);
        // Rename the key so the adapter no longer records its base (same length keeps the file valid).
        await fs.writeFile(foreign, Buffer.from(bytes.toString("latin1").replace("locus.base.fingerprint", "other.base.fingerprint"), "latin1"));
        await expect(verifyAdapterBase(foreign, quantized)).rejects.toThrow(/does not say which model/);
        await fs.rm(foreign);
    });
});
