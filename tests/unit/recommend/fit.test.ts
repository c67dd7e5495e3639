import { describe, expect, test } from "vitest";
import type { HardwareProfile } from "../../../src-main/common/setup/types.js";
import { simulatedMachines } from "../../../src-main/hardware/simulatedMachines.js";
import { loadCatalog } from "../../../src-main/models/loadCatalog.js";
import { estimateFitFromCatalog } from "../../../src-main/recommend/fit/estimateFitFromCatalog.js";
import { fitLabelFor } from "../../../src-main/recommend/fit/fitLabelFor.js";
import { hardwareOverridesFor } from "../../../src-main/recommend/fit/hardwareOverridesFor.js";
import { memoryBudget } from "../../../src-main/recommend/fit/memoryBudget.js";

const { models } = await loadCatalog();
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

function fitOf(id: string, quant: string, contextSize: number, hardware: HardwareProfile) {
    const entry = models.find((model) => model.id === id);
    const file = entry?.quants.find((candidate) => candidate.quant === quant);
    if (entry === undefined || file === undefined) throw new Error(`${id} ${quant} is not in the catalog`);
    return estimateFitFromCatalog(entry, file, contextSize, hardware);
}

describe("catalog estimate", () => {
    test("matches a published llama.cpp measurement of Qwen3-4B Q4_K_M at 8,192 tokens within 10%", () => {
        // Buffers llama.cpp logged for this file: model 2,362.55 MiB, KV 1,152 MiB, compute 306.75 MiB, output 0.58 MiB.
        const measured = (2362.55 + 1152 + 306.75 + 0.58) * MiB;
        const fit = fitOf("qwen3-4b", "Q4_K_M", 8192, simulatedMachines.laptop16GbCpu);
        expect(fit.method).toBe("catalog-estimate");
        expect(Math.abs(fit.ramBytes - measured) / measured).toBeLessThan(0.1);
    });

    test.each([
        ["qwen3-4b", "Q4_K_M", 8192, "laptop16GbCpu", "fits in memory"],
        ["qwen3-8b", "Q8_0", 8192, "laptop8GbCpu", "too large for this computer"],
        ["qwen3-4b", "Q4_K_M", 4096, "laptopCuda6Gb", "runs fully on your GPU"],
        ["qwen3-8b", "Q8_0", 4096, "laptopCuda6Gb", "runs partly on your GPU"],
        ["qwen3-8b", "Q8_0", 16384, "appleUnified32Gb", "runs fully on your GPU"]
    ] as const)("%s %s at %i tokens on %s: %s", (id, quant, context, machine, label) => {
        const fit = fitOf(id, quant, context, simulatedMachines[machine]);
        expect(fit.label).toBe(label);
        expect(fit.explanation.length).toBeGreaterThan(20);
    });

    test("context beyond the model's training length is clamped to it", () => {
        const entry = models.find((model) => model.id === "bge-small-en-v1.5");
        const quant = entry?.quants[0];
        if (entry === undefined || quant === undefined) throw new Error("bge-small missing");
        expect(estimateFitFromCatalog(entry, quant, 8192, simulatedMachines.laptop8GbCpu).contextSize).toBe(512);
    });

    test("a partly offloaded model uses less RAM than the same model on the processor", () => {
        const onGpu = fitOf("qwen3-8b", "Q8_0", 4096, simulatedMachines.laptopCuda6Gb);
        const onCpu = fitOf("qwen3-8b", "Q8_0", 4096, { ...simulatedMachines.laptopCuda6Gb, gpu: simulatedMachines.laptop16GbCpu.gpu });
        expect(onGpu.gpuLayers).toBeGreaterThan(0);
        expect(onGpu.ramBytes).toBeLessThan(onCpu.ramBytes);
        expect(onGpu.vramBytes).toBeLessThanOrEqual(memoryBudget(simulatedMachines.laptopCuda6Gb).vramBytes);
    });
});

describe("fit labels and budgets", () => {
    test.each([
        [false, 0, 10, true, "fits in memory"],
        ["cuda", 0, 10, true, "fits in memory"],
        ["cuda", 4, 10, true, "runs partly on your GPU"],
        ["metal", 10, 10, true, "runs fully on your GPU"],
        ["vulkan", 10, 10, false, "too large for this computer"]
    ] as const)("gpu %s, %i of %i layers, fits %s -> %s", (gpuType, gpuLayers, totalLayers, fitsBudget, label) => {
        expect(fitLabelFor({ gpuType, gpuLayers, totalLayers, fitsBudget })).toBe(label);
    });

    test("RAM budget keeps at least 2 GiB or a quarter of the RAM for everything else; swap never counts", () => {
        expect(memoryBudget(simulatedMachines.laptop8GbCpu).ramBytes).toBe(6 * GiB);
        expect(memoryBudget(simulatedMachines.appleUnified32Gb).ramBytes).toBe(24 * GiB);
        const withSwap = { ...simulatedMachines.laptop8GbCpu, swapTotalBytes: 16 * GiB, swapFreeBytes: 16 * GiB };
        expect(memoryBudget(withSwap).ramBytes).toBe(6 * GiB);
    });

    test("unified memory shares one pool; a discrete GPU keeps node-llama-cpp's padding free", () => {
        expect(memoryBudget(simulatedMachines.appleUnified32Gb).unified).toBe(true);
        const cuda = memoryBudget(simulatedMachines.laptopCuda6Gb);
        expect(cuda.unified).toBe(false);
        expect(cuda.vramPaddingBytes).toBe(Math.floor(6 * GiB * 0.08));
        expect(cuda.vramBytes).toBe(simulatedMachines.laptopCuda6Gb.gpu.vramFreeBytes - cuda.vramPaddingBytes);
    });

    test("hardware overrides describe the simulated machine to node-llama-cpp", async () => {
        const overrides = hardwareOverridesFor(simulatedMachines.laptopCuda6Gb);
        expect(overrides.llamaGpu).toBe("cuda");
        expect(overrides.llamaSupportsGpuOffloading).toBe(true);
        expect(await overrides.getVramState?.()).toEqual({ total: 6 * GiB, free: 5.6 * GiB, unifiedSize: 0 });
        expect(await overrides.getRamState?.()).toEqual({ total: 16 * GiB, free: 12 * GiB });
        expect(await overrides.getSwapState?.()).toEqual({ total: 0, free: 0 });
        expect(hardwareOverridesFor(simulatedMachines.laptop8GbCpu).llamaSupportsGpuOffloading).toBe(false);
    });
});
