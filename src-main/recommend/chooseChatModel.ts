import { ModelTooLargeError } from "@common/errors.js";
import { memoryBudget } from "./fit/memoryBudget.js";
import { compareCandidates, effectiveBitsPerWeight, leanestPerModel, precisionRank } from "./rankCandidates.js";
import type { ChatCandidate, RecommendInput } from "./recommendTypes.js";

/** Below this many indexed tokens the person's data counts as "little" (a few dozen documents). */
export const littleDataTokens = 100_000;
/** A higher-precision file may use at most this share of the RAM budget. */
const upgradeRamShare = 0.6;
/** Quantizations below this many effective bits are never recommended. */
export const minimumEffectiveBits = 3.5;

export type ChatPick = {
    choice: ChatCandidate;
    /** False when nothing met the latency targets and the fastest model that fits was taken instead. */
    metTargets: boolean;
    /** True when a higher-precision file of the same model was chosen over the leanest one. */
    upgradedPrecision: boolean;
};

export function chooseChatModel(candidates: readonly ChatCandidate[], input: RecommendInput): ChatPick {
    const order = input.models.map((entry) => entry.id);
    // 2025 laptop study: below ~3.5 effective bits per weight a larger low-bit model beats a smaller
    // high-precision one. So a bigger model comes before more bits, and the low-bit files offered stay
    // at or above that mark (this guard is ours: it keeps choices where the comparison was measured).
    const usable = candidates.filter((candidate) => effectiveBitsPerWeight(candidate) >= minimumEffectiveBits);
    const leanest = leanestPerModel(usable);
    if (leanest.length === 0)
        throw new ModelTooLargeError("No chat model in the catalog fits this computer's memory and free disk space. Free some memory or disk space and try again.");

    const feasible = leanest.filter((candidate) => candidate.meetsTargets);
    if (feasible.length === 0) {
        // Nothing is as quick as asked: the quickest model that fits is the honest answer.
        const quickest = [...leanest].sort((a, b) => a.firstTokenSeconds - b.firstTokenSeconds)[0] as ChatCandidate;
        return { choice: quickest, metTargets: false, upgradedPrecision: false };
    }
    const best = [...feasible].sort((a, b) => compareCandidates(a, b, order))[0] as ChatCandidate;

    // Qin et al. 2024: with little personal data a compressed model can beat an uncompressed one, so
    // extra bits are only spent when there is plenty of data and the person asked for quality.
    if (input.latency !== "quality" || input.indexedTokens < littleDataTokens)
        return { choice: best, metTargets: true, upgradedPrecision: false };
    // More bits never at the cost of context, of layers on the GPU, or of the room the rest of the
    // computer needs: the extra precision is the least valuable of the four.
    const budget = memoryBudget(input.hardware);
    const roomy = (candidate: ChatCandidate) => candidate.fit.ramBytes + (budget.unified ? candidate.fit.vramBytes : 0) <= budget.ramBytes * upgradeRamShare;
    const sameModel = usable.filter((candidate) =>
        candidate.entry.id === best.entry.id && candidate.meetsTargets && roomy(candidate) &&
        candidate.fit.contextSize >= best.fit.contextSize && candidate.fit.gpuLayers >= best.fit.gpuLayers);
    const richest = [...sameModel].sort((a, b) => precisionRank(b.quant.quant) - precisionRank(a.quant.quant))[0] ?? best;
    return { choice: richest, metTargets: true, upgradedPrecision: richest.quant.quant !== best.quant.quant };
}
