import type { LatencyPreference, TaskDifficulty } from "@common/setup/types.js";

export type LatencyTargets = {
    /** Longest acceptable wait for the first word of an answer. */
    firstTokenSeconds: number;
    /** Slowest acceptable reading speed of the answer. */
    tokensPerSecond: number;
    /** Prompt size of a typical question: the retrieved passages dominate it. */
    promptTokens: number;
};

// A RAG answer starts only after the whole prompt (question + retrieved passages) is processed, so the
// wait before the first word, not the reading speed, is what a slow laptop feels most.
const byLatency: Record<LatencyPreference, { firstTokenSeconds: number; tokensPerSecond: number }> = {
    fast: { firstTokenSeconds: 8, tokensPerSecond: 15 },
    balanced: { firstTokenSeconds: 25, tokensPerSecond: 7 },
    quality: { firstTokenSeconds: 75, tokensPerSecond: 3.5 }
};

// Harder questions read more passages and people accept a longer wait for them.
const byDifficulty: Record<TaskDifficulty, { promptTokens: number; patience: number }> = {
    "find-facts": { promptTokens: 1500, patience: 1 },
    "summarize-compare": { promptTokens: 3000, patience: 1.5 },
    "domain-reasoning": { promptTokens: 2000, patience: 2 }
};

export function latencyTargets(latency: LatencyPreference, difficulty: TaskDifficulty, contextSize: number): LatencyTargets {
    const speed = byLatency[latency];
    const task = byDifficulty[difficulty];
    return {
        firstTokenSeconds: speed.firstTokenSeconds * task.patience,
        tokensPerSecond: speed.tokensPerSecond,
        promptTokens: Math.min(task.promptTokens, Math.floor(contextSize * 0.75))
    };
}
