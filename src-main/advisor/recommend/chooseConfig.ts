import type { AdvisorConfig, AdvisorMethod } from "@common/contract/advisorTypes.js";

/** Configurations within this many points of the best count as as good: the cheaper of them is chosen. */
export const tiePoints = 1;

const methodCost: Record<AdvisorMethod, number> = { none: 0, rag: 1, lora: 2, "rag+lora": 3 };

/**
 * The configuration to recommend: the best by quality among those that do not forget ordinary language,
 * except that one within a point of it that costs less (no learning, less learning time, a simpler method,
 * less memory, fewer bits) is preferred. Null when nothing was measured.
 */
export function chooseConfig<C extends AdvisorConfig>(configs: readonly C[]): C | null {
    const eligible = configs.filter((config) => !config.forgetting?.flagged && Number.isFinite(config.quality.points));
    if (eligible.length === 0) return null;
    const best = Math.max(...eligible.map((config) => config.quality.points));
    const near = eligible.filter((config) => config.quality.points >= best - tiePoints);
    return [...near].sort((a, b) =>
        a.learningSeconds - b.learningSeconds
        || methodCost[a.method] - methodCost[b.method]
        || (a.memoryBytes ?? 0) - (b.memoryBytes ?? 0)
        || (a.bitsPerWeight ?? 0) - (b.bitsPerWeight ?? 0)
        || b.quality.points - a.quality.points)[0]!;
}
