import { describe, expect, it } from "vitest";
import type { AdvisorConfig, AdvisorMethod } from "../../../src-main/common/contract/advisorTypes.js";
import { chooseConfig } from "../../../src-main/advisor/recommend/chooseConfig.js";
import { explainAdvice } from "../../../src-main/advisor/recommend/explainAdvice.js";
import { bootstrapInterval } from "../../../src-main/advisor/score/bootstrapInterval.js";
import { containsSpans } from "../../../src-main/advisor/score/containsSpans.js";

function config(method: AdvisorMethod, points: number, extra: Partial<AdvisorConfig> = {}): AdvisorConfig {
    const q = { points, low: points - 3, high: points + 3 };
    return {
        key: `${method}-${String(points)}-${String(extra.learningSeconds ?? 0)}-${extra.compression ?? "original"}`, modelId: "m", modelName: "SmolLM2", compression: "original",
        bitsPerWeight: 5, method, dataFraction: method === "lora" || method === "rag+lora" ? 1 : null, learningSeconds: 0,
        quality: q, perLevel: { easy: q, medium: q, hard: q }, recallAt5: null, generation: null, memoryBytes: 100, trainingPeakBytes: null,
        forgetting: null, ...extra
    };
}

describe("chooseConfig", () => {
    it("prefers the cheaper of two setups within a point, and never one that forgets", () => {
        const rag = config("rag", 71);
        const both = config("rag+lora", 71.8, { learningSeconds: 600 });
        expect(chooseConfig([config("none", 8), rag, both])).toBe(rag);
        const better = config("rag+lora", 80, { learningSeconds: 600 });
        expect(chooseConfig([rag, better])).toBe(better);
        const forgetful = config("rag+lora", 90, { learningSeconds: 600, forgetting: { lossBefore: 3, lossAfter: 3.5, change: 0.17, flagged: true } });
        expect(chooseConfig([rag, forgetful])).toBe(rag);
        expect(chooseConfig([])).toBeNull();
    });
});

describe("explainAdvice", () => {
    it("says in plain words what was measured and what Locus will do, with the findings the library agrees or disagrees with", () => {
        const advice = explainAdvice([
            config("none", 8), config("rag", 71),
            config("lora", 18, { learningSeconds: 150 }), config("lora", 22, { learningSeconds: 300 }), config("lora", 20, { learningSeconds: 600 }),
            config("rag+lora", 72, { learningSeconds: 600 }),
            config("rag", 69, { compression: "Q3_K_M", bitsPerWeight: 3.9, memoryBytes: 60 })
        ])!;
        expect(advice.method).toBe("rag");
        expect(advice.summary).toMatch(/^On your documents, searching them \(RAG\) scored 71 points out of 100, learning them for 5 minutes 22, searching and learning them for 10 minutes 72 and answering without them 8\. Locus will search your documents and keep any adapter off, with SmolLM2\.$/);
        expect(advice.findings.join("\n")).toMatch(/Searching beat learning by 49 points/);
        expect(advice.findings.join("\n")).toMatch(/changed the score by \+1 points/);
        expect(advice.findings.join("\n")).toMatch(/Learning longer did not help: learning them peaked after 5 minutes/);
        expect(advice.findings.join("\n")).toMatch(/The smaller Q3_K_M copy lost 3 points/);
    });
});

describe("bootstrapInterval and containsSpans", () => {
    it("brackets the mean, and is the same for the same values", () => {
        const values = Array.from({ length: 40 }, (_, i) => (i % 4) * 10);
        const [low, high] = bootstrapInterval(values);
        expect(low).toBeLessThan(15);
        expect(high).toBeGreaterThan(15);
        expect(bootstrapInterval(values)).toEqual([low, high]);
    });

    it("finds each span as whole words, whatever the case, accents and digit grouping", () => {
        expect(containsSpans("The surplus was 48300 crowns.", ["48,300"])).toBe(true);
        expect(containsSpans("Ysolde MARRACK is the harbor master", ["Ysolde Marrack"])).toBe(true);
        expect(containsSpans("It was 1782 and 22 March", ["1782", "22 March"])).toBe(true);
        expect(containsSpans("It was 17820", ["1782"])).toBe(false);
        expect(containsSpans("Only one of them: 1782", ["1782", "22 March"])).toBe(false);
    });
});
