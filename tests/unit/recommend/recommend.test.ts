import { describe, expect, test } from "vitest";
import type { HardwareProfile, LatencyPreference, Recommendation, TaskDifficulty } from "../../../src-main/common/setup/types.js";
import { ModelTooLargeError } from "../../../src-main/common/errors.js";
import { simulatedMachines, type SimulatedMachineName } from "../../../src-main/hardware/simulatedMachines.js";
import { loadCatalog } from "../../../src-main/models/loadCatalog.js";
import { recommend, sizeClassOf } from "../../../src-main/recommend/index.js";

const { models } = await loadCatalog();
const GiB = 1024 ** 3;

function run(machine: SimulatedMachineName | HardwareProfile, latency: LatencyPreference, difficulty: TaskDifficulty, indexedTokens = 200_000, learningBudgetMinutes = 0): Recommendation {
    const hardware = typeof machine === "string" ? simulatedMachines[machine] : machine;
    return recommend({ hardware, latency, difficulty, indexedTokens, learningBudgetMinutes, models });
}

const classOf = (id: string) => sizeClassOf(models.find((entry) => entry.id === id)?.parameterCount ?? 0);

describe("chat model by machine", () => {
    test.each([
        // machine, latency, difficulty, tokens, expected size classes, quant, placement
        ["laptop8GbCpu", "balanced", "find-facts", 20_000, ["1-2B"], "Q4_K_M", "fits in memory"],
        ["laptop8GbCpu", "fast", "find-facts", 20_000, ["under-1B", "1-2B"], null, "fits in memory"],
        ["laptop8GbCpu", "quality", "domain-reasoning", 20_000, ["3-4B"], "Q4_K_M", "fits in memory"],
        ["laptop16GbCpu", "balanced", "find-facts", 20_000, ["3-4B"], "Q4_K_M", "fits in memory"],
        ["laptop16GbCpu", "quality", "domain-reasoning", 1_000_000, ["7-8B"], "Q4_K_M", "fits in memory"],
        ["laptopCuda6Gb", "fast", "summarize-compare", 20_000, ["3-4B"], "Q4_K_M", "runs fully on your GPU"],
        ["laptopCuda6Gb", "balanced", "domain-reasoning", 1_000_000, ["7-8B"], "Q4_K_M", "runs partly on your GPU"],
        ["appleUnified32Gb", "balanced", "find-facts", 20_000, ["7-8B"], "Q4_K_M", "runs fully on your GPU"],
        ["appleUnified32Gb", "quality", "summarize-compare", 1_000_000, ["7-8B"], "Q8_0", "runs fully on your GPU"]
    ] as const)("%s, %s, %s, %i tokens -> %j %s, %s", (machine, latency, difficulty, tokens, classes, quant, label) => {
        const result = run(machine, latency, difficulty, tokens);
        expect(classes).toContain(classOf(result.chat.modelId));
        if (quant !== null) expect(result.chat.quant).toBe(quant);
        expect(result.chat.fit.label).toBe(label);
    });

    test("with little personal data a compressed file is chosen even where 8 bits would fit (Qin et al.)", () => {
        const little = run("appleUnified32Gb", "quality", "summarize-compare", 20_000);
        const plenty = run("appleUnified32Gb", "quality", "summarize-compare", 1_000_000);
        expect(little.chat.modelId).toBe(plenty.chat.modelId);
        expect(little.chat.quant).toBe("Q4_K_M");
        expect(plenty.chat.quant).toBe("Q8_0");
    });

    test("a bigger model at 4-5 bits is preferred to a smaller one at 8 bits (2025 laptop study)", () => {
        const result = run("laptop16GbCpu", "quality", "domain-reasoning", 1_000_000);
        expect(classOf(result.chat.modelId)).toBe("7-8B");
        expect(result.chat.quant).not.toBe("Q8_0");
    });

    test("GPU layers: none without a GPU, all when the model runs fully on it, some when partly", () => {
        expect(run("laptop16GbCpu", "balanced", "find-facts").gpuLayers).toBe(0);
        const full = run("laptopCuda6Gb", "fast", "summarize-compare");
        expect(full.gpuLayers).toBe(full.chat.fit.totalLayers);
        const partial = run("laptopCuda6Gb", "balanced", "domain-reasoning");
        expect(partial.gpuLayers).toBeGreaterThan(0);
        expect(partial.gpuLayers).toBeLessThan(partial.chat.fit.totalLayers);
    });

    test("a fit worked out from the GGUF header overrides the catalog estimate", () => {
        const first = run("laptop16GbCpu", "balanced", "find-facts", 20_000);
        // node-llama-cpp read the header and found it does not fit at any context the policy tries
        const tooLarge = [2048, 4096, 8192, 16384].map((contextSize) =>
            ({ ...first.chat.fit, contextSize, label: "too large for this computer" as const, method: "gguf-insights" as const }));
        const again = recommend({
            hardware: simulatedMachines.laptop16GbCpu, latency: "balanced", difficulty: "find-facts",
            indexedTokens: 20_000, learningBudgetMinutes: 0, models, fits: tooLarge
        });
        expect(again.chat.modelId === first.chat.modelId && again.chat.quant === first.chat.quant).toBe(false);
    });

    test("a machine with too little memory gets a named error, not a model that cannot load", () => {
        const tiny: HardwareProfile = { ...simulatedMachines.laptop8GbCpu, ramTotalBytes: 2 * GiB, ramFreeBytes: 1 * GiB };
        expect(() => run(tiny, "balanced", "find-facts")).toThrowError(ModelTooLargeError);
    });

    test("a model larger than the free disk space is not recommended", () => {
        const fullDisk: HardwareProfile = { ...simulatedMachines.appleUnified32Gb, diskFreeBytes: 3 * GiB };
        const result = run(fullDisk, "balanced", "find-facts");
        expect(result.chat.sizeBytes).toBeLessThan(2 * GiB);
    });
});

describe("embedding model", () => {
    test.each([
        ["laptop8GbCpu", "balanced", "bge-small-en-v1.5"],
        ["laptop16GbCpu", "balanced", "nomic-embed-text-v1.5"],
        ["laptopCuda6Gb", "quality", "qwen3-embedding-0.6b"],
        ["appleUnified32Gb", "fast", "bge-small-en-v1.5"]
    ] as const)("%s, %s -> %s", (machine, latency, id) => {
        expect(run(machine, latency, "find-facts").embedding.modelId).toBe(id);
    });
});
