import os from "node:os";
import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";
import type { GpuType, HardwareProfile } from "@common/setup/types.js";
import { readCpuFeatures } from "./readCpuFeatures.js";
import { readFreeDiskBytes } from "./readFreeDiskBytes.js";

export type HardwareProbeOptions = {
    /** Folder models are downloaded to: its volume's free space is reported. */
    modelsDir: string;
    /** The app's one Llama (from the Engine); defaults to a fresh `getLlama({gpu: "auto"})`. */
    llama?: () => Promise<Llama>;
    /** A made-up machine: returned as is, so tests and demos can drive the wizard without this hardware. */
    override?: HardwareProfile;
};

/** Measures the machine once per call. Everything returned is plain data the renderer can show. */
export class HardwareProbe {
    constructor(private readonly options: HardwareProbeOptions) {}

    async probe(): Promise<HardwareProfile> {
        if (this.options.override !== undefined) return { ...this.options.override, source: "simulated" };
        if (this.options.llama !== undefined) return measure(await this.options.llama(), this.options.modelsDir);
        // Without the app's Llama, a temporary one is made and disposed so nothing lingers.
        const llama = await getLlama({ gpu: "auto", logLevel: LlamaLogLevel.error });
        try {
            return await measure(llama, this.options.modelsDir);
        } finally {
            await llama.dispose();
        }
    }
}

async function measure(llama: Llama, modelsDir: string): Promise<HardwareProfile> {
    const [ram, swap, vram, deviceNames, diskFreeBytes, features] = await Promise.all([
        llama.getRamState(),
        llama.getSwapState(),
        llama.getVramState(),
        llama.getGpuDeviceNames().catch(() => []),
        readFreeDiskBytes(modelsDir),
        readCpuFeatures(process.platform, llama.systemInfo)
    ]);
    const gpuType: GpuType = llama.gpu;
    // A swap whose maximum is unbounded (macOS) is reported as what is allocated now.
    const swapTotal = Number.isFinite(swap.maxSize) ? Math.max(swap.maxSize, swap.allocated) : swap.allocated;
    return {
        source: "probed",
        platform: process.platform,
        ramTotalBytes: ram.total,
        ramFreeBytes: ram.free,
        swapTotalBytes: swapTotal,
        swapFreeBytes: Math.max(0, swapTotal - swap.used),
        cpu: {
            model: os.cpus()[0]?.model.trim() ?? "unknown CPU",
            logicalCores: os.availableParallelism(),
            mathCores: Math.max(1, llama.cpuMathCores),
            architecture: process.arch,
            features
        },
        gpu: {
            type: gpuType,
            deviceNames,
            vramTotalBytes: gpuType === false ? 0 : vram.total,
            vramFreeBytes: gpuType === false ? 0 : vram.free,
            unifiedMemoryBytes: gpuType === false ? 0 : vram.unifiedSize
        },
        diskFreeBytes
    };
}
