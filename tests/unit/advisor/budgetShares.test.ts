import { describe, expect, it } from "vitest";
import {
    budgetShares, interleaveLevels, learningBudgetSeconds, minFirstRungSeconds, minimumProbes, oneMoreProbeFits, plannedLearningSeconds, rungShares
} from "../../../src-main/advisor/run/budgetShares.js";
import type { Probe, ProbeLevel } from "../../../src-main/advisor/types.js";

const probe = (level: ProbeLevel, n: number): Probe => ({ id: `${level}-${String(n)}`, level, question: "?", answer: "a", spans: ["a"], sources: [] });

describe("interleaveLevels", () => {
    it("takes the levels in turn, so any first few probes ask about every level alike, and keeps every probe once", () => {
        const probes = [probe("easy", 1), probe("easy", 2), probe("easy", 3), probe("medium", 1), probe("medium", 2), probe("hard", 1)];
        const ordered = interleaveLevels(probes).map((p) => p.id);
        expect(ordered).toEqual(["easy-1", "medium-1", "hard-1", "easy-2", "medium-2", "easy-3"]);
        expect(interleaveLevels([])).toEqual([]);
    });
});

describe("oneMoreProbeFits", () => {
    it("always scores the minimum, however short the budget", () => {
        for (let scored = 0; scored < minimumProbes; scored++) expect(oneMoreProbeFits({ scored, elapsedMs: 1e9, msLeft: -1, otherSetups: 3 })).toBe(true);
    });
    it("takes one more probe only when it and as many probes on every other setup end before the share runs out", () => {
        // 6 probes in 30 s: 5 s each. One more here, and 7 on one other setup: 40 s.
        expect(oneMoreProbeFits({ scored: 6, elapsedMs: 30_000, msLeft: 40_000, otherSetups: 1 })).toBe(true);
        expect(oneMoreProbeFits({ scored: 6, elapsedMs: 30_000, msLeft: 39_999, otherSetups: 1 })).toBe(false);
        // Alone, it needs 5 s only.
        expect(oneMoreProbeFits({ scored: 6, elapsedMs: 30_000, msLeft: 5_000, otherSetups: 0 })).toBe(true);
        expect(oneMoreProbeFits({ scored: 6, elapsedMs: 30_000, msLeft: 4_000, otherSetups: 0 })).toBe(false);
    });
});

describe("learningBudgetSeconds", () => {
    it("is the smallest budget whose learning share gives every arm a first rung of 15 s or more", () => {
        for (const arms of [1, 2, 6]) {
            const budget = learningBudgetSeconds(arms, "search");
            const rung = (seconds: number) => plannedLearningSeconds(seconds * (budgetShares.learningEnds - budgetShares.baselinesBeforeLearning), arms, "search") * rungShares[0];
            expect(rung(budget)).toBeCloseTo(minFirstRungSeconds);
            expect(rung(budget * 0.95)).toBeLessThan(minFirstRungSeconds);
        }
        // The app's plan (a model and its lower-bit copy, three shares of the documents) learns in the 15-minute preset.
        expect(learningBudgetSeconds(6, "search") / 60).toBeLessThan(15);
        expect(learningBudgetSeconds(0, "search")).toBe(Number.POSITIVE_INFINITY);
    });
});
