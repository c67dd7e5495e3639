import os from "node:os";
import fs from "node:fs/promises";
import path from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { readCpuFeatures } from "../../src-main/hardware/readCpuFeatures.js";
import { trainingRamBytes } from "../../src-main/recommend/fit/trainingRamBytes.js";
import { adaptedLayerCount } from "../../src-main/recommend/loraShape.js";
import { withDefaultTrainingOptions } from "../../src-main/trainer/defaultTrainingOptions.js";
import { ensureTrainerAddon } from "../../src-main/trainer/native/build.js";
import { TrainerClient, type TrainRequest } from "../../src-main/trainer/TrainerClient.js";
import type { TrainingDocument, TrainingEvent, TrainingResult } from "../../src-main/trainer/types.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import type { SyntheticModelName } from "../support/gguf/syntheticModels.js";
import { measureEngineThroughput } from "./measureEngineThroughput.js";

// npx tsx tests/bench/trainBench.ts [realistic-q8_0 realistic-q4_0] [--threads=2] [--budget=600] [--stock]
//
// LoRA training speed against the engine's prompt processing on the same model and threads (DESIGN.md:
// training tokens/s at least 0.2x prefill tokens/s), and how a short time-budgeted run keeps its budget
// (within 5%, at least 90% of it in optimizer steps). Training runs in the trainer worker, as in the app;
// prefill is measured before and after it and averaged, so a busy machine moves both sides alike.
// --stock also times one step with node-llama-cpp's own CPU backend (very slow on quantized models).
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => Number(args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const names = (args.filter((arg) => !arg.startsWith("--")).length ? args.filter((arg) => !arg.startsWith("--")) : ["realistic-q8_0", "realistic-q4_0"]) as SyntheticModelName[];
const threads = option("threads", 2);
const budgetSeconds = option("budget", 600);
const windowTokens = 512;

await ensureTrainerAddon();
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "locus-train-bench-"));

/** Plain text with a realistic token mix, split into documents. */
function documents(count: number, words: number): TrainingDocument[] {
    const vocabulary = "the a of to and in river farmer season rain harvest market price field water north south early late year village road bridge storm grain sheep wool trade winter spring summer autumn".split(" ");
    let seed = 7;
    return Array.from({ length: count }, (_, d) => ({
        id: `doc-${String(d)}`,
        text: Array.from({ length: words }, (_, w) => {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            return (w % 12 === 11 ? `${vocabulary[seed % vocabulary.length] ?? "the"}.` : vocabulary[seed % vocabulary.length]) ?? "the";
        }).join(" ")
    }));
}

async function train(request: Omit<TrainRequest, "outputDir" | "name">, env?: NodeJS.ProcessEnv): Promise<{ result: TrainingResult; events: TrainingEvent[]; wallSeconds: number }> {
    const client = new TrainerClient(env ? { env } : {});
    const events: TrainingEvent[] = [];
    const outputDir = await fs.mkdtemp(path.join(scratch, "run-"));
    try {
        const started = Date.now();
        const result = await client.train({ ...request, outputDir, name: "bench" }, { onEvent: (event) => events.push(event) });
        return { result, events, wallSeconds: (Date.now() - started) / 1000 };
    } finally {
        await client.dispose();
    }
}

/** Tokens/s of the steps after the first (which also builds and allocates the graphs). */
function steadyTokensPerSecond(events: TrainingEvent[], tokensPerStep: number): number {
    const steps = events.filter((event) => event.type === "progress");
    const first = steps[0];
    const last = steps.at(-1);
    if (first === undefined || last === undefined || last === first) return Number.NaN;
    return (tokensPerStep * (last.step - first.step)) / (last.elapsedSeconds - first.elapsedSeconds);
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** The peak memory Personalize predicts for a run before starting it (recommend/fit/trainingRamBytes.ts), in MiB. */
async function estimatedPeakMiB(modelPath: string, lastLayers: number, microBatchTokens: number): Promise<number> {
    const estimate = trainingRamBytes({
        info: await readGgufFileInfo(modelPath, { logWarnings: false }), fileBytes: (await fs.stat(modelPath)).size, windowTokens,
        microBatchTokens, lastLayers, cpuFeatures: await readCpuFeatures(process.platform, "")
    });
    return Math.round(estimate / 2 ** 20);
}

const memoryEntry = async (modelPath: string, lastLayers: number, measuredBytes: number) => {
    const microBatchTokens = withDefaultTrainingOptions({ budgetSeconds: 1, threads, windowTokens }).microBatchTokens;
    const estimated = await estimatedPeakMiB(modelPath, lastLayers, microBatchTokens);
    const measured = Math.round(measuredBytes / 2 ** 20);
    return { peakRssMiB: measured, estimatedPeakMiB: estimated, estimateRatio: round(estimated / measured, 3) };
};

const speed = [];
for (const name of names) {
    const modelPath = await ensureSyntheticModel(name);
    const prefillBefore = await measureEngineThroughput(modelPath, { threads, prompt: 512, gen: 4, repetitions: 2 });
    const run = await train({
        modelPath,
        documents: documents(6, 1500),
        options: { budgetSeconds: 3600, maxSteps: 3, threads, windowTokens, validationFraction: 0, learningRate: 1e-4 }
    });
    // The shape Personalize trains by default: only the last quarter of the layers (recommend/loraShape.ts).
    const layers = Number((await readGgufFileInfo(modelPath, { readTensorInfo: false })).architectureMetadata.block_count);
    const lastLayers = adaptedLayerCount(layers);
    const appRun = await train({
        modelPath,
        documents: documents(6, 1500),
        options: { budgetSeconds: 3600, maxSteps: 3, threads, windowTokens, lastLayers, validationFraction: 0, learningRate: 1e-4 }
    });
    const prefillAfter = await measureEngineThroughput(modelPath, { threads, prompt: 512, gen: 4, repetitions: 2 });
    const prefill = (prefillBefore.prefillTokensPerSecond + prefillAfter.prefillTokensPerSecond) / 2;
    const training = steadyTokensPerSecond(run.events, windowTokens);
    const entry: Record<string, unknown> = {
        model: name,
        threads,
        lora: "rank 8, attn_q + attn_v, all layers, 512-token windows",
        microBatchTokens: withDefaultTrainingOptions({ budgetSeconds: 1, threads, windowTokens }).microBatchTokens,
        trainingTokensPerSecond: round(training),
        enginePrefillTokensPerSecond: round(prefill),
        ratio: round(training / prefill, 3),
        goal: 0.2,
        ...(await memoryEntry(modelPath, 0, run.result.stats.peakRssBytes)),
        appDefault: {
            lora: `rank 8, attn_q + attn_v, last ${String(lastLayers)} of ${String(layers)} layers, 512-token windows`,
            trainingTokensPerSecond: round(steadyTokensPerSecond(appRun.events, windowTokens)),
            ratio: round(steadyTokensPerSecond(appRun.events, windowTokens) / prefill, 3)
        }
    };
    if (args.includes("--stock")) {
        const stock = await train({
            modelPath,
            documents: documents(6, 1500),
            options: { budgetSeconds: 7200, maxSteps: 1, threads, windowTokens: 256, validationFraction: 0, learningRate: 1e-4 }
        }, { ...process.env, LOCUS_TRAINER_STOCK_GGML: "1" });
        entry["stockTrainingTokensPerSecond"] = round(stock.result.stats.tokensPerSecond, 3);
        entry["stockRatio"] = round(stock.result.stats.tokensPerSecond / prefill, 3);
    }
    speed.push(entry);
}

// A budgeted run, as the app would start it: adapt the last quarter of the layers (EDGE-LLM).
const budgetModel = await ensureSyntheticModel(names.at(-1) ?? "realistic-q4_0");
const budgetLastLayers = adaptedLayerCount(Number((await readGgufFileInfo(budgetModel, { readTensorInfo: false })).architectureMetadata.block_count));
const budgeted = await train({
    modelPath: budgetModel,
    documents: documents(12, 1500),
    // Everything else as Personalize sets it: default windows, validation and schedule.
    options: { budgetSeconds, threads, lastLayers: budgetLastLayers }
});
const { stats } = budgeted.result;
const budget = {
    model: names.at(-1),
    budgetSeconds,
    wallSeconds: round(budgeted.wallSeconds),
    deviation: round((budgeted.wallSeconds - budgetSeconds) / budgetSeconds, 3),
    withinFivePercent: Math.abs(budgeted.wallSeconds - budgetSeconds) <= 0.05 * budgetSeconds,
    optimizerShare: round(stats.optimizerSeconds / budgetSeconds, 3),
    steps: stats.steps,
    stepSeconds: round(stats.optimizerSeconds / Math.max(1, stats.steps + stats.divergences)),
    startSeconds: round(stats.startSeconds),
    loadSeconds: round(stats.loadSeconds),
    validationSeconds: round(stats.validationSeconds),
    initialValidationLoss: stats.initialValidationLoss,
    bestValidationLoss: stats.bestValidationLoss,
    ...(await memoryEntry(budgetModel, budgetLastLayers, stats.peakRssBytes))
};

await fs.rm(scratch, { recursive: true, force: true });
console.log(JSON.stringify({ benchmark: "train", cpu: os.cpus()[0]?.model, loadAverage: os.loadavg().map((value) => round(value)), speed, budget }, null, 2));
