import type { CpuProfile, GpuProfile, HardwareProfile } from "@common/setup/types.js";
import { formatBytes } from "./formatBytes.js";

const gpuApis: Readonly<Record<Exclude<GpuProfile["type"], false>, string>> = { metal: "Metal", cuda: "CUDA", vulkan: "Vulkan" };

/** Instruction-set features worth naming, in the order they matter for model math. */
const highlightedFeatures: ReadonlyArray<readonly [string, string]> = [
    ["avx512f", "AVX-512"], ["avx_vnni", "AVX-VNNI"], ["avx2", "AVX2"], ["fma", "FMA"], ["f16c", "F16C"],
    ["sve", "SVE"], ["i8mm", "int8 matrix"], ["dotprod", "dot product"], ["neon", "NEON"]
];

/** "8.0 GB in total, about 4.5 GB free now" */
export function describeMemory(hardware: Pick<HardwareProfile, "ramTotalBytes" | "ramFreeBytes">): string {
    return `${formatBytes(hardware.ramTotalBytes)} in total, about ${formatBytes(hardware.ramFreeBytes)} free now`;
}

/** The graphics processor Locus can use, or plainly that there is none. */
export function describeGpu(gpu: GpuProfile): string {
    if (gpu.type === false) return "No graphics processor Locus can use: the processor does all the work";
    const name = gpu.deviceNames[0] ?? "A graphics processor";
    const api = gpuApis[gpu.type];
    if (gpu.unifiedMemoryBytes > 0)
        return `${name} (${api}): shares memory with the processor; up to ${formatBytes(gpu.vramTotalBytes)} can hold a model`;
    return `${name} (${api}): ${formatBytes(gpu.vramTotalBytes)} of graphics memory, ${formatBytes(gpu.vramFreeBytes)} free`;
}

/** "Intel Core i5-8250U: 4 math cores (8 threads)" */
export function describeCpu(cpu: CpuProfile): string {
    const cores = `${cpu.mathCores} math ${cpu.mathCores === 1 ? "core" : "cores"}`;
    const threads = cpu.logicalCores !== cpu.mathCores ? ` (${cpu.logicalCores} threads)` : "";
    return `${cpu.model || "Unknown processor"}: ${cores}${threads}`;
}

/** The instruction sets that speed up model math, by their common names ("AVX2", "NEON"). */
export function cpuHighlights(features: readonly string[]): string[] {
    const present = new Set(features.map((feature) => feature.toLowerCase()));
    return highlightedFeatures.filter(([feature]) => present.has(feature)).map(([, name]) => name);
}

/** "60 GB free for models", or that it could not be read. */
export function describeDisk(diskFreeBytes: number | null): string {
    return diskFreeBytes === null ? "Free disk space could not be read" : `${formatBytes(diskFreeBytes)} free for models`;
}
