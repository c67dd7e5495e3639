import { describe, expect, it } from "vitest";
import { BudgetPlanner } from "../../../src-main/trainer/schedule/BudgetPlanner.js";
import { learningRateAt } from "../../../src-main/trainer/schedule/learningRate.js";

describe("learningRateAt", () => {
    const schedule = { peak: 1e-3, warmupFraction: 0.1, minFraction: 0.1 };

    it("warms up linearly over the first steps, then decays by cosine to the floor", () => {
        const rates = Array.from({ length: 100 }, (_, step) => learningRateAt(schedule, step, 100, step / 100));
        expect(rates[0]).toBeCloseTo(1e-4, 8);
        expect(rates[9]).toBeCloseTo(1e-3, 6);
        for (let i = 11; i < 100; i++) expect(rates[i]).toBeLessThanOrEqual(rates[i - 1] as number);
        expect(learningRateAt(schedule, 100, 100, 1)).toBeCloseTo(1e-4, 8);
    });

    it("never returns zero (ggml's AdamW refuses it), even with a zero floor", () => {
        expect(learningRateAt({ peak: 1e-3, warmupFraction: 0, minFraction: 0 }, 50, 50, 1)).toBeGreaterThan(0);
    });
});

describe("BudgetPlanner", () => {
    const planner = (): BudgetPlanner => new BudgetPlanner({ startedAtMs: 0, budgetSeconds: 100, tolerance: 0.05, validationOverhead: 0.05 });

    it("takes steps while a step and the final validation and save fit before the deadline", () => {
        const budget = planner();
        expect(budget.shouldStep(1_000, true)).toBe(true);
        budget.recordStep(10); // the first step also builds graphs: it only counts until a second one
        budget.recordStep(4);
        budget.recordValidation(2);
        budget.recordValidation(2);
        expect(budget.shouldStep(90_000, true)).toBe(true);
        // 96 s + 4 s step + 2.2 s validation + save ends near 102.3 s: closer than stopping at 98.3 s? no.
        expect(budget.shouldStep(96_000, true)).toBe(false);
    });

    it("takes one last step past the deadline only when that lands closer to it, within the tolerance", () => {
        const budget = planner();
        budget.recordStep(3);
        budget.recordStep(3);
        // Stopping ends at 96.1 s (3.9 s early); stepping ends at 99.1 s.
        expect(budget.shouldStep(96_000, false)).toBe(true);
        // Stopping ends at 98.1 s; stepping at 101.1 s: 1.1 s late beats 1.9 s early.
        expect(budget.shouldStep(98_000, false)).toBe(true);
        // Stopping ends at 99.1 s; stepping at 102.1 s: 0.9 s early beats 2.1 s late.
        expect(budget.shouldStep(99_000, false)).toBe(false);
        const slow = planner();
        slow.recordStep(4);
        slow.recordStep(4);
        slow.recordStep(12);
        // Even if closer on average, the slowest recent step could overrun by more than 4 s.
        expect(slow.shouldStep(95_000, false)).toBe(false);
    });

    it("validates within its share of the training time", () => {
        const budget = planner();
        expect(budget.shouldValidate()).toBe(true);
        budget.recordValidation(1);
        budget.recordStep(5);
        budget.recordStep(5);
        expect(budget.shouldValidate()).toBe(false);
        for (let i = 0; i < 8; i++) budget.recordStep(1.3);
        expect(budget.shouldValidate()).toBe(true);
        expect(budget.secondsLeft(40_000)).toBe(60);
        expect(budget.progress(50_000)).toBe(0.5);
    });

    it("keeps all validations, the final one included, within 2% plus the periodic share of the budget", () => {
        // Budget 100 s, periodic share 5%: the checks may take 7 s in all.
        const budget = planner();
        budget.recordValidation(2);
        for (let i = 0; i < 20; i++) budget.recordStep(4);
        // 2 s spent, and this check and the final one would make 6 s: allowed.
        expect(budget.shouldValidate()).toBe(true);
        budget.recordValidation(2);
        for (let i = 0; i < 20; i++) budget.recordStep(4);
        // Spaced far enough apart, but 4 s spent and two more would make 8 s.
        expect(budget.shouldValidate()).toBe(false);
    });
});
