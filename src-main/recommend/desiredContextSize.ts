import type { LatencyPreference, TaskDifficulty } from "@common/setup/types.js";

/** The smallest context offered: a question, a few passages and the answer. */
export const minimumContextSize = 2048;

/**
 * Context the Answerer packs passages into. Summaries and comparisons read several documents at once,
 * so they get more; "fast" halves it (a longer prompt is a longer wait), "quality" doubles it for the
 * tasks that read widely. Smaller corpora never need more than they hold.
 */
export function desiredContextSize(difficulty: TaskDifficulty, latency: LatencyPreference, indexedTokens: number): number {
    let size = difficulty === "find-facts" ? 4096 : 8192;
    if (latency === "fast") size /= 2;
    if (latency === "quality" && difficulty !== "find-facts") size *= 2;
    while (size > minimumContextSize && indexedTokens > 0 && indexedTokens < size / 2) size /= 2;
    return Math.max(minimumContextSize, size);
}

/** The desired size and the smaller fallbacks, largest first. */
export function contextSizeLadder(desired: number): number[] {
    const sizes: number[] = [];
    for (let size = desired; size >= minimumContextSize; size /= 2) sizes.push(size);
    return sizes;
}
