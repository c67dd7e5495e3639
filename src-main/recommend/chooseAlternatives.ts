import type { Alternative, ChatChoice } from "@common/setup/types.js";
import { sizeClassOf } from "./sizeClassOf.js";
import { compareCandidates, precisionRank } from "./rankCandidates.js";
import type { ChatCandidate } from "./recommendTypes.js";

export function toChatChoice(candidate: ChatCandidate): ChatChoice {
    return {
        modelId: candidate.entry.id,
        displayName: candidate.entry.displayName,
        quant: candidate.quant.quant,
        fileName: candidate.quant.file,
        sizeBytes: candidate.quant.sizeBytes,
        contextSize: candidate.fit.contextSize,
        fit: candidate.fit
    };
}

function seconds(value: number): string {
    return value < 10 ? value.toFixed(1) : Math.round(value).toString();
}

/**
 * Two other fitting choices: a quicker one (smaller or leaner) and a stronger one (bigger or more
 * precise, even if slower than asked). When one side has nothing, another family fills the slot.
 */
export function chooseAlternatives(primary: ChatCandidate, candidates: readonly ChatCandidate[], order: readonly string[]): Alternative[] {
    const others = candidates.filter((candidate) => candidate.entry.id !== primary.entry.id || candidate.quant.quant !== primary.quant.quant);
    const best = (pool: ChatCandidate[]) => [...pool].sort((a, b) => compareCandidates(a, b, order))[0];
    const isSmaller = (c: ChatCandidate) => c.entry.parameterCount < primary.entry.parameterCount ||
        (c.entry.id === primary.entry.id && precisionRank(c.quant.quant) < precisionRank(primary.quant.quant));
    const isStronger = (c: ChatCandidate) => c.entry.parameterCount > primary.entry.parameterCount ||
        (c.entry.id === primary.entry.id && precisionRank(c.quant.quant) > precisionRank(primary.quant.quant));

    const quicker = best(others.filter((c) => isSmaller(c) && c.firstTokenSeconds < primary.firstTokenSeconds));
    // The strongest choice whose wait stays within reason (three times the main one, or 90 s);
    // failing that, the stronger choice with the shortest wait.
    const strongerPool = others.filter(isStronger);
    const bearable = strongerPool.filter((c) => c.firstTokenSeconds <= Math.max(90, 3 * primary.firstTokenSeconds));
    const stronger = bearable.length > 0
        ? best(bearable)
        : [...strongerPool].sort((a, b) => a.firstTokenSeconds - b.firstTokenSeconds)[0];
    const alternatives: Alternative[] = [];
    if (quicker !== undefined)
        alternatives.push({
            chat: toChatChoice(quicker),
            reason: `Quicker: answers start after about ${seconds(quicker.firstTokenSeconds)} s instead of ${seconds(primary.firstTokenSeconds)} s, at some cost in answer quality.`
        });
    if (stronger !== undefined)
        alternatives.push({
            chat: toChatChoice(stronger),
            reason: `Stronger: a ${sizeClassOf(stronger.entry.parameterCount)} model at ${stronger.quant.quant} reasons better but answers start after about ${seconds(stronger.firstTokenSeconds)} s.`
        });
    const taken = new Set([primary, quicker, stronger].filter((c) => c !== undefined).map((c) => c.entry.id));
    for (const candidate of [...others].sort((a, b) => compareCandidates(a, b, order))) {
        if (alternatives.length >= 2) break;
        if (taken.has(candidate.entry.id)) continue;
        taken.add(candidate.entry.id);
        alternatives.push({
            chat: toChatChoice(candidate),
            reason: `Another family of similar size (${candidate.entry.family}), worth trying if answers read oddly for your documents.`
        });
    }
    return alternatives;
}
