/** "1.7 billion parameters", "600 million parameters". */
export function describeParameters(count: number | null): string | null {
    if (count === null || !Number.isFinite(count) || count <= 0) return null;
    if (count < 1e9) return `${Math.round(count / 1e6)} million parameters`;
    const billions = (count / 1e9).toFixed(1).replace(/\.0$/, "");
    return `${billions} billion parameters`;
}

/** Where a model sits among those a laptop can run. */
export function modelSizeWord(count: number | null): string | null {
    if (count === null || !Number.isFinite(count) || count <= 0) return null;
    if (count < 1e9) return "very small";
    if (count < 2.5e9) return "small";
    if (count < 5e9) return "medium-sized";
    if (count < 10e9) return "large";
    return "very large";
}

/** "a small model (1.7 billion parameters)" */
export function describeModelSize(count: number | null): string {
    const word = modelSizeWord(count);
    const parameters = describeParameters(count);
    if (word === null || parameters === null) return "a model of unknown size";
    return `a ${word} model (${parameters})`;
}

/** "4,096 tokens: about 3,000 words at once" (a token is about three quarters of an English word). */
export function describeContext(tokens: number): string {
    const words = tokens * 0.75;
    const step = words < 10_000 ? 500 : 1_000;
    const rounded = Math.max(step, Math.round(words / step) * step);
    return `${tokens.toLocaleString("en-US")} tokens: about ${rounded.toLocaleString("en-US")} words at once`;
}
