import os from "node:os";
import { getLlama, GgufInsights, LlamaLogLevel, readGgufFileInfo } from "node-llama-cpp";
import { defaultSettings } from "../../src-main/common/contract/settingsTypes.js";
import { chooseThreads } from "../../src-main/engine/chooseThreads.js";
import { HardwareProbe } from "../../src-main/hardware/HardwareProbe.js";
import { estimateFitFromGguf } from "../../src-main/recommend/fit/estimateFitFromGguf.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import type { SyntheticModelName } from "../support/gguf/syntheticModels.js";
import { measureModelMemory } from "./measureModelMemory.js";

// npm run bench:fit [-- tiny-f32 tiny-q8_0 realistic-q8_0 realistic-q4_0]
// The memory the setup wizard's fit predicts for a model (the app's code: estimateFitFromGguf, on this
// machine, CPU only) against what a fresh process that loads the model through Locus's Engine, with the
// app's context size and at most 2 threads, and answers one library-sized chat turn really takes: the
// growth of its peak resident memory (VmHWM) over its resident memory before the model loaded.
const goal = 0.15;
const names = (process.argv.slice(2).length ? process.argv.slice(2) : ["tiny-f32", "tiny-q8_0", "realistic-q8_0", "realistic-q4_0"]) as SyntheticModelName[];

const llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
const threads = chooseThreads(llama.cpuMathCores, 2);
const hardware = await new HardwareProbe({ modelsDir: os.tmpdir(), llama: async () => llama }).probe();
const contextSize = defaultSettings.contextSize;

type FitBenchResult = {
    model: string;
    contextSize: number;
    threads: number;
    /** What the wizard's fit says this model and context need in RAM. */
    predictedBytes: number;
    /** node-llama-cpp's own figure (weights, KV cache, compute buffers), before Locus's corrections. */
    nodeLlamaCppBytes: number;
    /** Peak resident memory of the child less its resident memory before the model loaded. */
    measuredBytes: number;
    baselineBytes: number;
    peakBytes: number;
    ratio: number;
    withinGoal: boolean;
};

const results: FitBenchResult[] = [];
for (const name of names) {
    const modelPath = await ensureSyntheticModel(name);
    const fit = await estimateFitFromGguf({ modelId: name, quant: name, ggufPath: modelPath, contextSize, hardware, llama });
    const insights = await GgufInsights.from(await readGgufFileInfo(modelPath, { logWarnings: false }), llama);
    const raw = await insights.configurationResolver.resolveAndScoreConfig({ targetContextSize: contextSize, useMmap: false });
    console.error(`${name}: predicted ${mb(fit.ramBytes)} MB; measuring in a fresh process...`);
    const measured = await measureModelMemory(modelPath, contextSize, threads);
    const measuredBytes = measured.measuredBytes;
    const ratio = fit.ramBytes / measuredBytes;
    console.error(`${name}: measured ${mb(measuredBytes)} MB, ratio ${ratio.toFixed(3)}`);
    results.push({
        model: name, contextSize: measured.contextSize, threads: measured.threads,
        predictedBytes: fit.ramBytes, nodeLlamaCppBytes: raw.resolvedValues.totalRamUsage, measuredBytes,
        baselineBytes: measured.baseline.rssBytes, peakBytes: measured.afterTurn.peakRssBytes,
        ratio: Number(ratio.toFixed(3)), withinGoal: Math.abs(ratio - 1) <= goal
    });
}
await llama.dispose();
console.log(JSON.stringify({ benchmark: "fit", cpu: os.cpus()[0]?.model, goal: `within ${goal * 100}%`, results }, null, 2));

function mb(bytes: number): string {
    return (bytes / 1e6).toFixed(1);
}
