import { describe, expect, test } from "vitest";
import type { LearningPlan, TaskDifficulty } from "../../../src-main/common/setup/types.js";
import { simulatedMachines } from "../../../src-main/hardware/simulatedMachines.js";
import { loadCatalog } from "../../../src-main/models/loadCatalog.js";
import { recommend } from "../../../src-main/recommend/index.js";

const { models } = await loadCatalog();

function plan(difficulty: TaskDifficulty, indexedTokens: number, learningBudgetMinutes: number): LearningPlan {
    return recommend({ hardware: simulatedMachines.laptop16GbCpu, latency: "balanced", difficulty, indexedTokens, learningBudgetMinutes, models }).learning;
}

describe("learning method by difficulty, data and budget", () => {
    test.each([
        // Qin et al. 2024: the better method depends on task difficulty; facts are retrieval's job.
        ["find-facts", 5_000_000, 120, "rag"],
        ["summarize-compare", 5_000_000, 0, "rag"],
        // Salemi & Zamani 2024: with little user data RAG gives most of the gain.
        ["summarize-compare", 10_000, 120, "rag"],
        ["domain-reasoning", 10_000, 120, "rag"],
        // ...and RAG + PEFT the most once there is data to learn from.
        ["summarize-compare", 300_000, 60, "rag+lora"],
        ["domain-reasoning", 1_000_000, 60, "rag+lora"]
    ] as const)("%s, %i tokens, %i minutes -> %s", (difficulty, tokens, minutes, method) => {
        expect(plan(difficulty, tokens, minutes).method).toBe(method);
    });

    test("the adapter's rank grows with the amount of data (PEFT's share grows with user data)", () => {
        const ranks = [100_000, 1_000_000, 10_000_000].map((tokens) => {
            const result = plan("domain-reasoning", tokens, 60);
            return result.method === "rag+lora" ? result.lora.rank : 0;
        });
        expect(ranks).toEqual([8, 16, 32]);
    });

    test("training never runs past the budget nor past four hours: longer is not necessarily better", () => {
        const short = plan("domain-reasoning", 1_000_000, 45);
        const huge = plan("domain-reasoning", 20_000_000, 10_000);
        expect(short.method === "rag+lora" && short.lora.budgetMinutes).toBeLessThanOrEqual(45);
        expect(huge.method === "rag+lora" && huge.lora.budgetMinutes).toBeLessThanOrEqual(240);
    });

    test("a small corpus is trained for about two passes, not for the whole budget", () => {
        const result = plan("summarize-compare", 60_000, 600);
        expect(result.method).toBe("rag+lora");
        if (result.method === "rag+lora") expect(result.lora.budgetMinutes).toBeLessThan(600);
    });

    test("LoRA targets the last quarter of the layers; domain reasoning also adapts the feed-forward blocks", () => {
        const domain = plan("domain-reasoning", 1_000_000, 60);
        const summary = plan("summarize-compare", 1_000_000, 60);
        if (domain.method !== "rag+lora" || summary.method !== "rag+lora") throw new Error("expected rag+lora");
        const { first, last, count } = domain.lora.targetLayers;
        expect(last - first + 1).toBe(count);
        expect(count).toBeGreaterThanOrEqual(2);
        expect(domain.lora.targetModules).toContain("ffn_down");
        expect(summary.lora.targetModules).toEqual(["attn_q", "attn_v"]);
        expect(domain.lora.alpha).toBe(2 * domain.lora.rank);
    });
});
