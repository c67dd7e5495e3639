import { describe, expect, it } from "vitest";
import type { AdvisorConfig, AdvisorRunInfo } from "../../../src-main/common/contract/index.js";
import {
    advisorSeries, describeAdvisorChart, describeAdvisorState, describeConfig, formatQuality, layoutAdvisorChart, rankedConfigs
} from "../../../src-renderer/lib/format/index.js";

function config(over: Partial<AdvisorConfig> & Pick<AdvisorConfig, "key" | "method">): AdvisorConfig {
    const quality = { points: 50, low: 45, high: 55 };
    return {
        modelId: "m1", modelName: "SmolLM2", compression: "original", bitsPerWeight: 4.5, dataFraction: null, learningSeconds: 0,
        quality, perLevel: { easy: quality, medium: quality, hard: quality }, recallAt5: null, generation: null, memoryBytes: null,
        trainingPeakBytes: null, forgetting: null, ...over
    };
}

const q = (points: number) => ({ points, low: points - 4, high: points + 4 });

const configs: AdvisorConfig[] = [
    config({ key: "none", method: "none", quality: q(20) }),
    config({ key: "rag", method: "rag", quality: q(70), recallAt5: 0.9 }),
    config({ key: "lora-60", method: "lora", dataFraction: 1, learningSeconds: 60, quality: q(24) }),
    config({ key: "lora-120", method: "lora", dataFraction: 1, learningSeconds: 120, quality: q(26) }),
    config({ key: "lora-half-120", method: "lora", dataFraction: 0.5, learningSeconds: 120, quality: q(22) }),
    config({ key: "both-120", method: "rag+lora", dataFraction: 1, learningSeconds: 120, quality: q(72) }),
    // Learned a lot and forgot ordinary prose: never drawn, whatever its points.
    config({ key: "both-240", method: "rag+lora", dataFraction: 1, learningSeconds: 240, quality: q(90), forgetting: { lossBefore: 3, lossAfter: 3.6, change: 0.2, flagged: true } })
];

function run(over: Partial<AdvisorRunInfo> = {}): AdvisorRunInfo {
    return {
        id: "r1", state: "done", startedAt: 0, endedAt: 1, budgetMinutes: 15, phase: "Scoring", progress: 1, documentCount: 10,
        probeCount: { easy: 8, medium: 8, hard: 4 }, configs, recommendation: { configKey: "both-120", method: "rag+lora", summary: "", findings: [] },
        notes: [], error: null, stale: false, computeSeconds: 100, applied: false, ...over
    };
}

describe("the Advisor's figures in words and in the chart", () => {
    it("names a setup by its model, copy, method, learning time and share of documents", () => {
        expect(describeConfig(configs[1]!)).toBe("SmolLM2 · Search (RAG)");
        expect(describeConfig({ ...configs[4]!, compression: "Q3_K_M" })).toBe("SmolLM2 · Q3_K_M copy · Learned (LoRA), 2 minutes on 50% of the documents");
        expect(formatQuality(q(70))).toBe("70 (66–74)");
        expect(formatQuality({ points: Number.NaN, low: 0, high: 0 })).toBe("–");
    });

    it("lists the recommended setup first, then the others best first", () => {
        expect(rankedConfigs(run()).map((c) => c.key)).toEqual(["both-120", "both-240", "rag", "lora-120", "lora-60", "lora-half-120", "none"]);
    });

    it("draws flat lines for the methods that do not learn and, for learning, the best arm from its quality before learning; a forgetting setup is left out", () => {
        const series = advisorSeries(configs);
        expect(series.map((s) => s.method)).toEqual(["none", "rag", "lora", "rag+lora"]);
        expect(series[0]!.points).toEqual([{ seconds: 0, points: 20 }, { seconds: 120, points: 20 }]);
        expect(series[2]!.points).toEqual([{ seconds: 0, points: 20 }, { seconds: 60, points: 24 }, { seconds: 120, points: 26 }]);
        expect(series[3]!.points).toEqual([{ seconds: 0, points: 70 }, { seconds: 120, points: 72 }]);
        const layout = layoutAdvisorChart(configs, 640, 240);
        expect(layout.empty).toBe(false);
        expect(layout.lines).toHaveLength(4);
        for (const line of layout.lines) for (const marker of line.markers) {
            expect(marker.x).toBeGreaterThanOrEqual(layout.plot.left);
            expect(marker.x).toBeLessThanOrEqual(layout.plot.right);
            expect(marker.y).toBeGreaterThanOrEqual(layout.plot.top);
            expect(marker.y).toBeLessThanOrEqual(layout.plot.bottom);
        }
        expect(describeAdvisorChart(configs)).toBe("No library: 20 points. Search (RAG): 70 points. Learned (LoRA): 20 after 0 min, 24 after 1 min, 26 after 2 min. Search + learned: 70 after 0 min, 72 after 2 min.");
    });

    it("says there is nothing yet before the first figure, and what each end state means", () => {
        expect(layoutAdvisorChart([], 640, 240).empty).toBe(true);
        expect(describeAdvisorChart([])).toBe("Nothing measured yet.");
        expect(describeAdvisorState(run({ state: "running", phase: "Learning: 2 of 4 rungs" }))).toBe("Learning: 2 of 4 rungs");
        expect(describeAdvisorState(run({ state: "cancelled" }))).toMatch(/figures measured so far are kept/);
        expect(describeAdvisorState(run({ state: "failed", error: "The trainer stopped." }))).toBe("Failed: The trainer stopped.");
        expect(describeAdvisorState(run({ recommendation: null }))).toBe("Finished without a recommendation.");
    });
});
