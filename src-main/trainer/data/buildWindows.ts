/**
 * Cuts documents' tokens into training windows of `windowTokens + 1` tokens: the model reads the first
 * `windowTokens` and learns to predict each next one. Documents are concatenated (each already starts
 * with BOS). Windows do not overlap, except a last one aligned to the end so that a tail of at least a
 * quarter window is not lost. Text shorter than one window is repeated to fill it.
 */
export function buildWindows(documents: readonly Int32Array[], windowTokens: number): Int32Array[] {
    if (!Number.isInteger(windowTokens) || windowTokens < 1) throw new RangeError(`windowTokens must be a positive integer, got ${String(windowTokens)}`);
    const total = documents.reduce((sum, tokens) => sum + tokens.length, 0);
    if (total === 0) return [];
    const length = Math.max(total, windowTokens + 1);
    const stream = new Int32Array(length);
    for (let filled = 0; filled < length;) {
        for (const tokens of documents) {
            const count = Math.min(tokens.length, length - filled);
            stream.set(tokens.subarray(0, count), filled);
            filled += count;
            if (filled === length) break;
        }
    }
    const windows: Int32Array[] = [];
    let start = 0;
    for (; start + windowTokens + 1 <= length; start += windowTokens) windows.push(stream.slice(start, start + windowTokens + 1));
    // `start` is where the next window would begin; the last label covered is at start.
    const uncovered = length - 1 - start;
    if (uncovered >= windowTokens / 4) windows.push(stream.slice(length - windowTokens - 1));
    return windows;
}

/** Joins whole windows into one array, the layout the native evaluate() expects. */
export function concatWindows(windows: readonly Int32Array[]): Int32Array {
    const joined = new Int32Array(windows.reduce((sum, window) => sum + window.length, 0));
    let offset = 0;
    for (const window of windows) {
        joined.set(window, offset);
        offset += window.length;
    }
    return joined;
}
