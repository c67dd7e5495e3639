import os from "node:os";
import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultSettings } from "../../src-main/common/contract/settingsTypes.js";
import type { HardwareProfile } from "../../src-main/common/setup/types.js";
import { chooseThreads } from "../../src-main/engine/chooseThreads.js";
import { HardwareProbe } from "../../src-main/hardware/HardwareProbe.js";
import { estimateFitFromGguf } from "../../src-main/recommend/fit/estimateFitFromGguf.js";
import { measureModelMemory } from "../bench/measureModelMemory.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

// The goal of `npm run bench:fit`, held for the tiny models, where a run takes seconds. The peak of a
// process moves by a few tens of MB with garbage collection, so the middle of three fresh runs is compared.
const goal = 0.15;
let llama: Llama;
let hardware: HardwareProfile;

beforeAll(async () => {
    llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
    hardware = await new HardwareProbe({ modelsDir: os.tmpdir(), llama: async () => llama }).probe();
});
afterAll(async () => {
    await llama?.dispose();
});

describe("the wizard's predicted memory against the measured peak of a process that loads the model and answers", () => {
    test.each(["tiny-f32", "tiny-q8_0"] as const)("%s: within 15%", async (name) => {
        const modelPath = await ensureSyntheticModel(name);
        const contextSize = defaultSettings.contextSize;
        const fit = await estimateFitFromGguf({ modelId: name, quant: name, ggufPath: modelPath, contextSize, hardware, llama });
        const runs: number[] = [];
        for (let i = 0; i < 3; i++) runs.push((await measureModelMemory(modelPath, contextSize, chooseThreads(llama.cpuMathCores, 2))).measuredBytes);
        const measured = [...runs].sort((a, b) => a - b)[1]!;
        const ratio = fit.ramBytes / measured;
        expect(ratio, `predicted ${fit.ramBytes} B, measured ${runs.join(", ")} B`).toBeGreaterThan(1 - goal);
        expect(ratio, `predicted ${fit.ramBytes} B, measured ${runs.join(", ")} B`).toBeLessThan(1 + goal);
    }, 900_000);
});
