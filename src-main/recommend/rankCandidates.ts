import { sizeClassRank } from "./sizeClassOf.js";
import type { ChatCandidate } from "./recommendTypes.js";

const precisionOrder = ["Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16", "F32"];

export function precisionRank(quant: string): number {
    const index = precisionOrder.indexOf(quant);
    return index === -1 ? precisionOrder.length : index;
}

/** Bits per weight actually spent, file size over parameters (block scales and embeddings included). */
export function effectiveBitsPerWeight(candidate: ChatCandidate): number {
    return (candidate.quant.sizeBytes * 8) / candidate.entry.parameterCount;
}

/** The file is pinned to a commit, so what is downloaded is what the catalog describes. */
function isPinned(candidate: ChatCandidate): boolean {
    return (candidate.quant.revision ?? candidate.entry.revision) !== "main";
}

/**
 * Best first: larger size class, then a file whose sha256 is confirmed (a download must be checked
 * against it), then more parameters, then a file pinned to a commit, then the catalog's own order.
 * A "main" revision only risks a failed hash check, never a wrong file, so it ranks below model size.
 */
export function compareCandidates(a: ChatCandidate, b: ChatCandidate, catalogOrder: readonly string[]): number {
    return (
        sizeClassRank(b.entry.parameterCount) - sizeClassRank(a.entry.parameterCount) ||
        Number(b.quant.sha256 !== null) - Number(a.quant.sha256 !== null) ||
        b.entry.parameterCount - a.entry.parameterCount ||
        Number(isPinned(b)) - Number(isPinned(a)) ||
        catalogOrder.indexOf(a.entry.id) - catalogOrder.indexOf(b.entry.id)
    );
}

/** For each model, the candidate with the fewest bits: where the choice of model starts. */
export function leanestPerModel(candidates: readonly ChatCandidate[]): ChatCandidate[] {
    const byModel = new Map<string, ChatCandidate>();
    for (const candidate of candidates) {
        const current = byModel.get(candidate.entry.id);
        if (current === undefined || precisionRank(candidate.quant.quant) < precisionRank(current.quant.quant))
            byModel.set(candidate.entry.id, candidate);
    }
    return [...byModel.values()];
}
