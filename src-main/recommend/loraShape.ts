// The shape of the LoRA adapter Locus trains, shared by the recommendation (which explains it) and the
// training service (which uses it), so that what the wizard says is what Personalize does.

/**
 * Salemi & Zamani 2024: RAG + PEFT gives the largest gain, PEFT's share growing with the amount of user
 * data, so the adapter's capacity (rank) grows with the data too.
 */
export function loraRankFor(tokens: number): number {
    return tokens < 500_000 ? 8 : tokens < 5_000_000 ? 16 : 32;
}

/**
 * Adaptive layer tuning (EDGE-LLM; DESIGN.md, trainer): training only the last quarter of the layers
 * (at least two) shortens the backward pass, which dominates training time on a CPU.
 */
export function adaptedLayerCount(layers: number): number {
    return Math.min(Math.max(1, layers), Math.max(2, Math.round(layers / 4)));
}
