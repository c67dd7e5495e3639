import os from "node:os";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";
import { chooseThreads } from "../../src-main/engine/chooseThreads.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import type { SyntheticModelName } from "../support/gguf/syntheticModels.js";
import { runLlamaBench } from "./llamaBench.js";
import { measureEngineThroughput } from "./measureEngineThroughput.js";

// npm run bench:engine [-- realistic-q4_0 realistic-q8_0]
// Decode and prefill through Locus's engine against llama-bench built from the same llama.cpp sources,
// same GGUF, same threads. The reference runs before and after ours and is averaged, so a noisy
// machine moves both sides alike; the ratios are what to read.
const names = (process.argv.slice(2).length ? process.argv.slice(2) : ["realistic-q4_0"]) as SyntheticModelName[];
const llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
const threads = chooseThreads(llama.cpuMathCores);
await llama.dispose();

const results = [];
for (const name of names) {
    const modelPath = await ensureSyntheticModel(name);
    // Progress on stderr, so a long run on a slow machine shows where it is; the JSON goes to stdout.
    const before = await runLlamaBench(modelPath, { threads, prompt: 512, gen: 128, repetitions: 3 });
    console.error(`${name}: llama-bench prefill ${before.prefillTokensPerSecond.toFixed(1)} t/s, decode ${before.decodeTokensPerSecond.toFixed(1)} t/s`);
    const ours = await measureEngineThroughput(modelPath, { threads, prompt: 512, gen: 128, repetitions: 3 });
    console.error(`${name}: Locus engine prefill ${ours.prefillTokensPerSecond.toFixed(1)} t/s, decode ${ours.decodeTokensPerSecond.toFixed(1)} t/s`);
    const after = await runLlamaBench(modelPath, { threads, prompt: 512, gen: 128, repetitions: 3 });
    const reference = {
        prefillTokensPerSecond: (before.prefillTokensPerSecond + after.prefillTokensPerSecond) / 2,
        decodeTokensPerSecond: (before.decodeTokensPerSecond + after.decodeTokensPerSecond) / 2
    };
    results.push({
        model: name,
        threads,
        engine: { prefillTokensPerSecond: round(ours.prefillTokensPerSecond), decodeTokensPerSecond: round(ours.decodeTokensPerSecond) },
        llamaBench: { prefillTokensPerSecond: round(reference.prefillTokensPerSecond), decodeTokensPerSecond: round(reference.decodeTokensPerSecond) },
        ratios: {
            prefill: round(ours.prefillTokensPerSecond / reference.prefillTokensPerSecond, 3),
            decode: round(ours.decodeTokensPerSecond / reference.decodeTokensPerSecond, 3)
        },
        goals: { prefill: 0.9, decode: 0.95 }
    });
}
console.log(JSON.stringify({ benchmark: "engine", cpu: os.cpus()[0]?.model, results }, null, 2));

function round(value: number, digits = 2): number {
    return Number(value.toFixed(digits));
}
