// Small statistics for the retrieval benchmark: nearest-rank percentiles, recall, rounding.

export type Latency = {p50Ms: number, p95Ms: number, meanMs: number};

/** Share of the exact top results that `found` contains (recall@k for k = truth.length). */
export function recall(truth: readonly number[], found: readonly number[]): number {
    const set = new Set(found);
    return truth.filter((id) => set.has(id)).length / truth.length;
}

export function latency(samples: number[]): Latency {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
    return {p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), meanMs: round(mean(samples))};
}

export function mean(values: readonly number[]): number {
    return round(values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length));
}

export function round(value: number): number {
    return Math.round(value * 1000) / 1000;
}
