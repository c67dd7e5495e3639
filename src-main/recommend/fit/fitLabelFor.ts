import type { FitLabel, GpuType } from "@common/setup/types.js";

export type FitLabelInput = {
    gpuType: GpuType;
    gpuLayers: number;
    totalLayers: number;
    /** Whether the RAM and VRAM needed are within the machine's budget. */
    fitsBudget: boolean;
};

export function fitLabelFor({ gpuType, gpuLayers, totalLayers, fitsBudget }: FitLabelInput): FitLabel {
    if (!fitsBudget) return "too large for this computer";
    if (gpuType === false || gpuLayers <= 0) return "fits in memory";
    return gpuLayers >= totalLayers ? "runs fully on your GPU" : "runs partly on your GPU";
}
