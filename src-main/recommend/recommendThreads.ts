import type { HardwareProfile } from "@common/setup/types.js";

/**
 * llama.cpp threads: every core node-llama-cpp counts as a math core and never more, because
 * oversubscribing cores (hyper-threads, efficiency cores) collapses throughput (DESIGN.md, Engine).
 */
export function recommendThreads(hardware: HardwareProfile, fullyOnGpu: boolean): { threads: number; reason: string } {
    const threads = Math.max(1, Math.min(hardware.cpu.mathCores, hardware.cpu.logicalCores));
    const reason = fullyOnGpu
        ? `The GPU does the heavy work; ${threads} processor threads feed it, one per math core.`
        : `Uses ${threads} threads, one per math core of your processor; more would make it slower, not faster.`;
    return { threads, reason };
}
