/**
 * Threads for llama.cpp: the math cores, never more. Oversubscribing cores collapses throughput
 * (on 2 cores, 4 threads measured about 100x slower), so a request above the cores is clamped.
 */
export function chooseThreads(mathCores: number, requested?: number): number {
    const cores = Math.max(1, Math.floor(mathCores));
    if (requested == null || !Number.isFinite(requested) || requested < 1) return cores;
    return Math.min(cores, Math.floor(requested));
}
