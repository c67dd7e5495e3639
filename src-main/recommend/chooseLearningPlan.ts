import type { LearningPlan } from "@common/setup/types.js";
import { estimateSpeed } from "./estimateSpeed.js";
import { adaptedLayerCount, loraRankFor } from "./loraShape.js";
import type { ChatCandidate, RecommendInput } from "./recommendTypes.js";

/** Below this many tokens of documents a LoRA adapter has too little to learn from. */
export const minimumLoraTokens = 50_000;
/** Longest training run offered, whatever the budget: longer runs stop paying off. */
const maximumTrainingMinutes = 240;
/** The trainer's target: training tokens/s at least 0.2x prompt-processing tokens/s (DESIGN.md). */
const trainingToPromptSpeed = 0.2;

export function chooseLearningPlan(input: RecommendInput, chat: ChatCandidate): { plan: LearningPlan; reason: string } {
    if (input.learningBudgetMinutes <= 0)
        return { plan: { method: "rag" }, reason: "No learning time was set, so Locus answers by looking up the right passages in your documents (RAG)." };
    // Qin et al. 2024: whether RAG or parameter learning is better depends on task difficulty; finding
    // facts is what retrieval does best, and training adds little to it.
    if (input.difficulty === "find-facts")
        return { plan: { method: "rag" }, reason: "Finding facts is what looking passages up (RAG) does best; training the model would add little." };
    // Salemi & Zamani 2024: RAG gives most of the personalization gain; PEFT's share grows with the
    // amount of user data, so with little data it is not worth the training time.
    if (input.indexedTokens < minimumLoraTokens)
        return { plan: { method: "rag" }, reason: "Your documents are still few, and with little data looking passages up (RAG) gives nearly all the benefit of training." };

    // Rank grows with the data (Salemi & Zamani 2024); only the last quarter of the layers (EDGE-LLM).
    const rank = loraRankFor(input.indexedTokens);
    const layers = chat.entry.architecture?.layers ?? Math.max(1, chat.fit.totalLayers - 1);
    const count = adaptedLayerCount(layers);
    const targetModules = input.difficulty === "domain-reasoning"
        ? ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_up", "ffn_down"]
        : ["attn_q", "attn_v"];
    // Qin et al. 2024: longer fine-tuning does not necessarily help. The budget stops at two passes over
    // the documents (at the trainer's expected speed) or four hours, and validation loss picks the checkpoint.
    const promptSpeed = estimateSpeed(chat.entry, chat.quant, { ...chat.fit, gpuLayers: 0 }, input.hardware, 512).promptTokensPerSecond;
    const twoPassesMinutes = (2 * input.indexedTokens) / (promptSpeed * trainingToPromptSpeed) / 60;
    const budgetMinutes = Math.max(1, Math.round(Math.min(input.learningBudgetMinutes, twoPassesMinutes, maximumTrainingMinutes)));
    return {
        plan: {
            method: "rag+lora",
            lora: { rank, alpha: 2 * rank, targetLayers: { first: layers - count, last: layers - 1, count }, targetModules, budgetMinutes }
        },
        reason: `You have enough documents for training to help: Locus keeps looking passages up and also trains a small adapter (rank ${rank}, last ${count} layers) for up to ${budgetMinutes} minutes, keeping the checkpoint that does best on held-out text.`
    };
}
