import type { FitLabel } from "@common/setup/types.js";

const GB = 1e9;

function gigabytes(bytes: number): string {
    return `${(bytes / GB).toFixed(1)} GB`;
}

/** One plain sentence about a fit, e.g. "Needs about 3.2 GB of memory, which this computer has." */
export function explainFit(label: FitLabel, ramBytes: number, vramBytes: number, gpuLayers: number, totalLayers: number): string {
    switch (label) {
        case "runs fully on your GPU":
            return `Needs about ${gigabytes(vramBytes)} of graphics memory, and all of it fits on your GPU.`;
        case "runs partly on your GPU":
            return `${gpuLayers} of its ${totalLayers} layers fit on your GPU; the rest run on the processor using about ${gigabytes(ramBytes)} of memory.`;
        case "fits in memory":
            return `Needs about ${gigabytes(ramBytes + vramBytes)} of memory, which this computer has to spare.`;
        case "too large for this computer":
            return `Needs about ${gigabytes(ramBytes + vramBytes)} of memory, more than this computer can spare.`;
    }
}
