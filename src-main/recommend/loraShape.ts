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

/**
 * Peak learning rate by model size: 3e-3 for a 135M model, falling with the square root of the size to
 * 1e-3 at 1.2B and the usual 2e-4 to 4e-4 of LoRA recipes for 7-8B models. A laptop's time budget buys tens
 * of steps, not thousands, and small models take larger steps without diverging. Measured with the 135M
 * starter model on the quality corpus, one minute (12 steps): at 1e-4 the held-out loss fell 0.2% and the
 * answers to questions about the corpus became less likely; at 3e-3 the loss fell 0.9% and 9 of 14 answers
 * became more likely. (A step that diverges still halves the rate and is rolled back.)
 */
export function loraLearningRateFor(parameterCount: number): number {
    if (!Number.isFinite(parameterCount) || parameterCount <= 0) return 1e-3;
    return Math.min(3e-3, Math.max(2e-4, 3e-3 * Math.sqrt(135e6 / parameterCount)));
}
