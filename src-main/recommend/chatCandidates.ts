import type { CatalogEntry } from "../models/catalogSchema.js";
import { contextSizeLadder } from "./desiredContextSize.js";
import { estimateSpeed } from "./estimateSpeed.js";
import { latencyTargets } from "./latencyTargets.js";
import type { ChatCandidate, FitLookup, RecommendInput } from "./recommendTypes.js";

const GiB = 1024 ** 3;
/** Chat quantizations worth offering: above 8 bits the file doubles and answers do not get better. */
const chatQuants = new Set(["Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0"]);

/**
 * Every chat model and quantization that fits, each at the largest context on the ladder that fits.
 * Nothing "too large" and nothing bigger than the free disk space (less 1 GiB) is returned.
 */
export function chatCandidates(input: RecommendInput, desiredContext: number, fitOf: FitLookup): ChatCandidate[] {
    const disk = input.hardware.diskFreeBytes;
    const candidates: ChatCandidate[] = [];
    const chatModels = input.models.filter((entry: CatalogEntry) => entry.kind === "chat");
    for (const entry of chatModels)
        for (const quant of entry.quants) {
            if (!chatQuants.has(quant.quant)) continue;
            if (disk !== null && quant.sizeBytes > disk - GiB) continue;
            for (const contextSize of contextSizeLadder(desiredContext)) {
                const fit = fitOf(entry, quant, contextSize);
                if (fit.label === "too large for this computer") continue;
                const targets = latencyTargets(input.latency, input.difficulty, fit.contextSize);
                const speed = estimateSpeed(entry, quant, fit, input.hardware, targets.promptTokens);
                const firstTokenSeconds = targets.promptTokens / speed.promptTokensPerSecond;
                candidates.push({
                    entry, quant, fit, firstTokenSeconds,
                    tokensPerSecond: speed.tokensPerSecond,
                    meetsTargets: firstTokenSeconds <= targets.firstTokenSeconds && speed.tokensPerSecond >= targets.tokensPerSecond
                });
                break;
            }
        }
    return candidates;
}
