import type { HardwareProfile } from "@common/setup/types.js";

const GiB = 1024 ** 3;

function machine(profile: Omit<HardwareProfile, "source" | "swapTotalBytes" | "swapFreeBytes">): HardwareProfile {
    // No swap: the recommendation must never count on paging a model in and out.
    return { source: "simulated", swapTotalBytes: 0, swapFreeBytes: 0, ...profile };
}

const x86Features = ["avx", "avx2", "f16c", "fma", "sse3", "ssse3"];
const noGpu = { type: false, deviceNames: [], vramTotalBytes: 0, vramFreeBytes: 0, unifiedMemoryBytes: 0 } as const;

/**
 * Made-up machines for tests and for driving the setup wizard end to end without the hardware.
 * Free RAM is what a laptop typically has with a browser and the app open.
 */
export const simulatedMachines = {
    laptop8GbCpu: machine({
        platform: "win32", ramTotalBytes: 8 * GiB, ramFreeBytes: 4.5 * GiB,
        cpu: { model: "Intel Core i5-8250U", logicalCores: 8, mathCores: 4, architecture: "x64", features: x86Features },
        gpu: { ...noGpu, deviceNames: [] }, diskFreeBytes: 60 * GiB
    }),
    laptop16GbCpu: machine({
        platform: "linux", ramTotalBytes: 16 * GiB, ramFreeBytes: 11 * GiB,
        cpu: { model: "AMD Ryzen 7 5700U", logicalCores: 16, mathCores: 8, architecture: "x64", features: x86Features },
        gpu: { ...noGpu, deviceNames: [] }, diskFreeBytes: 200 * GiB
    }),
    laptopCuda6Gb: machine({
        platform: "win32", ramTotalBytes: 16 * GiB, ramFreeBytes: 10 * GiB,
        cpu: { model: "Intel Core i7-11800H", logicalCores: 16, mathCores: 8, architecture: "x64", features: [...x86Features, "avx512f"] },
        gpu: { type: "cuda", deviceNames: ["NVIDIA GeForce RTX 3060 Laptop GPU"], vramTotalBytes: 6 * GiB, vramFreeBytes: 5.6 * GiB, unifiedMemoryBytes: 0 },
        diskFreeBytes: 300 * GiB
    }),
    appleUnified32Gb: machine({
        platform: "darwin", ramTotalBytes: 32 * GiB, ramFreeBytes: 22 * GiB,
        cpu: { model: "Apple M2 Pro", logicalCores: 12, mathCores: 8, architecture: "arm64", features: ["dotprod", "i8mm", "neon"] },
        // Metal reports most of the unified memory as VRAM, all of it shared with the CPU.
        gpu: { type: "metal", deviceNames: ["Apple M2 Pro"], vramTotalBytes: 24 * GiB, vramFreeBytes: 21 * GiB, unifiedMemoryBytes: 24 * GiB },
        diskFreeBytes: 400 * GiB
    })
} satisfies Record<string, HardwareProfile>;

export type SimulatedMachineName = keyof typeof simulatedMachines;
