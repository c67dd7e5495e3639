import { describe, expect, test } from "vitest";
import type { LatencyPreference, TaskDifficulty } from "../../../src-main/common/setup/types.js";
import { simulatedMachines } from "../../../src-main/hardware/simulatedMachines.js";
import { loadCatalog } from "../../../src-main/models/loadCatalog.js";
import { recommend } from "../../../src-main/recommend/index.js";

const { models } = await loadCatalog();
const machines = Object.entries(simulatedMachines);
const latencies: LatencyPreference[] = ["fast", "balanced", "quality"];
const difficulties: TaskDifficulty[] = ["find-facts", "summarize-compare", "domain-reasoning"];
const dataSizes = [0, 20_000, 1_000_000, 20_000_000];
const budgets = [0, 30, 600];

const cases = machines.flatMap(([name, hardware]) => latencies.flatMap((latency) => difficulties.flatMap((difficulty) =>
    dataSizes.flatMap((indexedTokens) => budgets.map((learningBudgetMinutes) => ({ name, hardware, latency, difficulty, indexedTokens, learningBudgetMinutes }))))));

describe(`policy invariants over ${cases.length} simulated situations`, () => {
    test("nothing recommended, main choice or alternative, is too large for the machine", () => {
        for (const input of cases) {
            const result = recommend({ ...input, models });
            for (const chat of [result.chat, ...result.alternatives.map((alternative) => alternative.chat)])
                expect(chat.fit.label, `${input.name} ${chat.modelId} ${chat.quant}`).not.toBe("too large for this computer");
        }
    });

    test("threads never exceed the math cores, GPU layers never exceed the model's, context is at least 2048", () => {
        for (const input of cases) {
            const result = recommend({ ...input, models });
            expect(result.threads).toBeGreaterThanOrEqual(1);
            expect(result.threads).toBeLessThanOrEqual(input.hardware.cpu.mathCores);
            expect(result.gpuLayers).toBeLessThanOrEqual(result.chat.fit.totalLayers);
            if (input.hardware.gpu.type === false) expect(result.gpuLayers).toBe(0);
            expect(result.contextSize).toBeGreaterThanOrEqual(2048);
            expect(result.contextSize).toBe(result.chat.contextSize);
        }
    });

    test("two distinct alternatives, each with a reason, and a one-sentence reason for every choice", () => {
        for (const input of cases) {
            const result = recommend({ ...input, models });
            expect(result.alternatives).toHaveLength(2);
            const keys = [result.chat, ...result.alternatives.map((a) => a.chat)].map((chat) => `${chat.modelId}|${chat.quant}`);
            expect(new Set(keys).size).toBe(3);
            for (const reason of [...Object.values(result.reasons), ...result.alternatives.map((a) => a.reason)]) {
                expect(reason.length).toBeGreaterThan(20);
                expect(reason.trim()).toMatch(/[.!]$/);
            }
        }
    });

    test("learning runs only with a budget, never longer than the budget, and never for finding facts", () => {
        for (const input of cases) {
            const { learning } = recommend({ ...input, models });
            if (input.learningBudgetMinutes === 0 || input.difficulty === "find-facts") expect(learning.method).toBe("rag");
            if (learning.method === "rag+lora") expect(learning.lora.budgetMinutes).toBeLessThanOrEqual(input.learningBudgetMinutes);
        }
    });
});
