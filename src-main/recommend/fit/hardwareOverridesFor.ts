import type { GgufInsightsConfigurationResolver } from "node-llama-cpp";
import type { HardwareProfile } from "@common/setup/types.js";
import { memoryBudget } from "./memoryBudget.js";

export type HardwareOverrides = NonNullable<Parameters<GgufInsightsConfigurationResolver["resolveAndScoreConfig"]>[1]>;

/**
 * node-llama-cpp's `hardwareOverrides` describing a (possibly simulated) machine, with the same
 * budget the catalog estimate uses: free RAM is the RAM budget and swap is zero, so a fit never
 * depends on paging.
 */
export function hardwareOverridesFor(hardware: HardwareProfile): HardwareOverrides {
    const budget = memoryBudget(hardware);
    const gpu = hardware.gpu;
    return {
        getVramState: async () => ({ total: gpu.vramTotalBytes, free: gpu.vramFreeBytes, unifiedSize: gpu.unifiedMemoryBytes }),
        getRamState: async () => ({ total: hardware.ramTotalBytes, free: budget.ramBytes }),
        getSwapState: async () => ({ total: 0, free: 0 }),
        llamaVramPaddingSize: budget.vramPaddingBytes,
        llamaGpu: gpu.type,
        llamaSupportsGpuOffloading: gpu.type !== false
    };
}
