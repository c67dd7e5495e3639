import type { LearningPlan } from "@common/setup/types.js";
import { formatMinutes } from "./formatDuration.js";

/** The learning method in the person's words, naming the technique once in brackets. */
export function describeLearning(plan: LearningPlan): string {
    if (plan.method === "rag") return "Look up the right passages in your documents (RAG)";
    return `Look up passages and also train a small add-on on your documents (RAG + LoRA, rank ${plan.lora.rank}) for up to ${formatMinutes(plan.lora.budgetMinutes)}`;
}
