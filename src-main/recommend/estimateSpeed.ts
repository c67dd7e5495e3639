import type { FitResult, HardwareProfile } from "@common/setup/types.js";
import type { CatalogEntry, CatalogQuant } from "../models/catalogSchema.js";

// Rough speeds of llama.cpp on the kind of machine each profile describes. They only rank choices
// against the latency targets; the wizard's benchmark replaces them with measured numbers.
// Decoding reads every weight once per token, so it is bound by memory bandwidth; prompt processing
// does 2 FLOPs per parameter per token, so it is bound by arithmetic.
const cpuGflopsPerMathCore = 60;
const cpuBandwidthPerMathCore = 4e9;
const cpuBandwidthCeiling = 20e9;
const gpuSpeed = {
    cuda: { gflops: 8000, bandwidth: 250e9 },
    vulkan: { gflops: 4000, bandwidth: 150e9 },
    metal: { gflops: 3000, bandwidth: 150e9 }
} as const;

export type SpeedEstimate = {
    promptTokensPerSecond: number;
    tokensPerSecond: number;
};

function kvBytesPerToken(entry: CatalogEntry): number {
    const shape = entry.architecture;
    return shape === undefined ? 40_000 * (entry.parameterCount / 1e9) : 4 * shape.layers * shape.kvHeads * shape.headDim;
}

/** Speeds for a fitted configuration with `filledTokens` of context in use. */
export function estimateSpeed(entry: CatalogEntry, quant: CatalogQuant, fit: FitResult, hardware: HardwareProfile, filledTokens: number): SpeedEstimate {
    const cores = Math.max(1, hardware.cpu.mathCores);
    const cpuFlops = cores * cpuGflopsPerMathCore * 1e9;
    const cpuBandwidth = Math.min(cpuBandwidthCeiling, cores * cpuBandwidthPerMathCore);
    const gpu = hardware.gpu.type === false ? null : gpuSpeed[hardware.gpu.type];
    const gpuShare = gpu === null || fit.totalLayers === 0 ? 0 : Math.min(1, fit.gpuLayers / fit.totalLayers);
    const cpuShare = 1 - gpuShare;

    const flopsPerToken = 2 * entry.parameterCount;
    const promptSecondsPerToken = (flopsPerToken * cpuShare) / cpuFlops + (gpu === null ? 0 : (flopsPerToken * gpuShare) / (gpu.gflops * 1e9));
    const bytesPerToken = quant.sizeBytes + kvBytesPerToken(entry) * filledTokens;
    const decodeSecondsPerToken = (bytesPerToken * cpuShare) / cpuBandwidth + (gpu === null ? 0 : (bytesPerToken * gpuShare) / gpu.bandwidth);
    return {
        promptTokensPerSecond: 1 / promptSecondsPerToken,
        tokensPerSecond: 1 / decodeSecondsPerToken
    };
}
