import type { HardwareProfile } from "@common/setup/types.js";

const GiB = 1024 ** 3;

export type MemoryBudget = {
    /** System RAM a model and its context may take. */
    ramBytes: number;
    /** VRAM a model and its context may take (0 without a GPU). */
    vramBytes: number;
    /** Apple silicon and other SoCs: VRAM is carved out of the same RAM, so both draw on `ramBytes`. */
    unified: boolean;
    /** node-llama-cpp's default VRAM padding for this GPU, kept free for the driver. */
    vramPaddingBytes: number;
};

/**
 * What the recommendation may spend. RAM: the total less what the system, Locus and a browser need
 * (at least 2 GiB or a quarter of the RAM), not the free RAM of this minute, which changes as apps
 * open and close. Swap is never counted: a model that pages runs at disk speed.
 * VRAM: what is free now less node-llama-cpp's own padding (8% of the total, at most 1.6 GiB).
 */
export function memoryBudget(hardware: HardwareProfile): MemoryBudget {
    const reserve = Math.max(2 * GiB, hardware.ramTotalBytes * 0.25);
    const ramBytes = Math.max(0, hardware.ramTotalBytes - reserve);
    if (hardware.gpu.type === false) return { ramBytes, vramBytes: 0, unified: false, vramPaddingBytes: 0 };
    const vramPaddingBytes = Math.floor(Math.min(hardware.gpu.vramTotalBytes * 0.08, 1.6 * GiB));
    const unified = hardware.gpu.unifiedMemoryBytes > 0;
    const vramFree = Math.max(0, hardware.gpu.vramFreeBytes - vramPaddingBytes);
    return { ramBytes, vramBytes: unified ? Math.min(vramFree, ramBytes) : vramFree, unified, vramPaddingBytes };
}
