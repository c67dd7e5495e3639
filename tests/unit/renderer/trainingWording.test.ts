import type { AdapterInfo, TrainingRunInfo } from "@common/contract";
import { describe, expect, it } from "vitest";
import {
    adapterFacts, describeDocumentsUsed, describeLossChange, describeRunPhase, describeRunSources, describeStop, describeTrainingPace, describeTrainingTime,
    formatClock, formatLoss, formatScale, formatTokenRate, formatTokens, isRunActive, lossChange, trainingFraction
} from "../../../src-renderer/lib/format/index.js";

const run = (patch: Partial<TrainingRunInfo> = {}): TrainingRunInfo => ({
    id: "r1", state: "training", modelId: "m1", modelName: "Tiny Llama", documentCount: 3, pairCount: 0, budgetMinutes: 10, startedAt: 0, endedAt: null,
    step: 12, tokens: 3072, tokensPerSecond: 48.4, elapsedSeconds: 65, secondsLeft: 535, trainLoss: 7.5, validationLoss: 7.6,
    initialValidationLoss: 7.9, points: [], stoppedBy: null, error: null, adapterId: null, ...patch
});

const adapter = (patch: Partial<AdapterInfo> = {}): AdapterInfo => ({
    id: "a1", name: "Harbour notes", baseModelId: "m1", baseModelName: "Tiny Llama", baseModelHash: "abc", documentNames: ["sea.md", "tides.md"],
    budgetMinutes: 5, steps: 40, tokensTrained: 10_240, lossBefore: 7.89, lossAfter: 7.23, sizeBytes: 3 * 1024 ** 2,
    createdAt: Date.UTC(2026, 10, 21, 9, 30), active: false, scale: 1, ...patch
});

describe("training wording", () => {
    it("tells a running run from an ended one", () => {
        expect(isRunActive(null)).toBe(false);
        expect(["preparing", "training", "saving"].every((state) => isRunActive(run({ state: state as TrainingRunInfo["state"] })))).toBe(true);
        expect(["done", "cancelled", "failed"].some((state) => isRunActive(run({ state: state as TrainingRunInfo["state"] })))).toBe(false);
    });

    it("writes losses, tokens, rates, clocks and strength the way people read them", () => {
        expect(formatLoss(7.2345)).toBe("7.23");
        expect(formatLoss(null)).toBe("—");
        expect(formatLoss(Number.NaN)).toBe("—");
        expect(formatTokens(12_345)).toBe("12,345 tokens");
        expect(formatTokens(1)).toBe("1 token");
        expect(formatTokenRate(48.4)).toBe("48 tokens a second");
        expect(formatTokenRate(1.34)).toBe("1.3 tokens a second");
        expect(formatTokenRate(null)).toBe("");
        expect(formatClock(65)).toBe("1:05");
        expect(formatClock(600)).toBe("10:00");
        expect(formatClock(3723)).toBe("1:02:03");
        expect(formatScale(1)).toBe("×1.0");
        expect(formatScale(0.5)).toBe("×0.5");
    });

    it("measures the budget used and says the time and pace of a run", () => {
        expect(trainingFraction(run())).toBeCloseTo(65 / 600);
        expect(trainingFraction(run({ elapsedSeconds: 700 }))).toBe(1);
        expect(trainingFraction(run({ budgetMinutes: 0 }))).toBe(0);
        expect(describeTrainingTime(run())).toBe("1:05 of 10:00 · about 9 minutes left");
        expect(describeTrainingTime(run({ secondsLeft: null }))).toBe("1:05 of 10:00 · working out the time left");
        expect(describeTrainingPace(run())).toBe("step 12 · 48 tokens a second · 3,072 tokens so far");
        expect(describeTrainingPace(run({ tokensPerSecond: null, step: 0, tokens: 0 }))).toBe("step 0 · 0 tokens so far");
    });

    it("names each phase of a run", () => {
        expect(describeRunPhase(run({ state: "preparing" }))).toBe("Preparing: reading 3 documents and measuring Tiny Llama…");
        expect(describeRunPhase(run({ state: "preparing", documentCount: 1 }))).toBe("Preparing: reading the document and measuring Tiny Llama…");
        expect(describeRunPhase(run())).toBe("Teaching Tiny Llama");
        expect(describeRunPhase(run({ state: "saving" }))).toBe("Saving the adapter…");
    });

    it("says why a run stopped: budget, a cancel, divergence, or the services' error", () => {
        expect(describeStop(run({ state: "done", stoppedBy: "budget" }))).toBe("Stopped when its 10 minutes ran out.");
        expect(describeStop(run({ state: "cancelled", stoppedBy: "cancelled" }))).toBe("Stopped when you asked.");
        expect(describeStop(run({ state: "done", stoppedBy: "diverged" }))).toMatch(/diverged.*last good checkpoint/);
        expect(describeStop(run({ state: "failed", error: "The chat model file is gone." }))).toBe("The chat model file is gone.");
        expect(describeStop(run({ state: "failed", error: null }))).toMatch(/failed/);
    });

    it("gives the validation loss before and after with the change in percent", () => {
        expect(lossChange(8, 7)!.percent).toBeCloseTo(-12.5);
        expect(lossChange(null, 7)).toBeNull();
        expect(lossChange(0, 7)).toBeNull();
        expect(describeLossChange(7.89, 7.23)).toBe("7.89 → 7.23 (−8.4%)");
        expect(describeLossChange(7, 7.35)).toBe("7.00 → 7.35 (+5.0%)");
        expect(describeLossChange(7, 7)).toBe("7.00 → 7.00 (no change)");
        // A change too small for two decimals is still shown, not rounded away into "no change".
        expect(describeLossChange(11.78465, 11.78473)).toBe("11.7846 → 11.7847 (less than 0.1% higher)");
        expect(describeLossChange(11.781, 11.7836)).toBe("11.781 → 11.784 (less than 0.1% higher)");
        expect(describeLossChange(7.8, 7.7)).toBe("7.80 → 7.70 (−1.3%)");
        expect(describeLossChange(null, 7.23)).toBe("7.23");
        expect(describeLossChange(7.89, null)).toBe("7.89 before");
        expect(describeLossChange(null, null)).toBe("not measured");
    });

    it("lists an adapter's facts: base model, documents, budget, tokens, losses, date and size", () => {
        expect(describeDocumentsUsed(["a.md", "b.md", "c.md", "d.md", "e.md"])).toBe("5 documents: a.md, b.md, c.md and 2 more");
        expect(describeDocumentsUsed(["a.md"])).toBe("1 document: a.md");
        const facts = Object.fromEntries(adapterFacts(adapter(), { locale: "en-US", timeZone: "UTC" }).map((fact) => [fact.label, fact.value]));
        // ICU versions differ in the space before AM (some use a narrow no-break space).
        facts.Created = facts.Created!.replace(/\s/gu, " ");
        expect(facts).toEqual({
            "Base model": "Tiny Llama",
            "Trained on": "2 documents: sea.md, tides.md",
            Budget: "5 minutes",
            Trained: "10,240 tokens in 40 steps",
            "Validation loss": "7.89 → 7.23 (−8.4%)",
            Created: "Nov 21, 2026, 9:30 AM",
            Size: "3 MB"
        });
        const orphan = Object.fromEntries(adapterFacts(adapter({ baseModelId: null })).map((fact) => [fact.label, fact.value]));
        expect(orphan["Base model"]).toBe("Tiny Llama (no longer in your list)");
        const withPairs = Object.fromEntries(adapterFacts(adapter({ pairSources: ["faq.jsonl (24 question-answer pairs)"] })).map((fact) => [fact.label, fact.value]));
        expect(withPairs["Trained on"]).toBe("2 documents: sea.md, tides.md; faq.jsonl (24 question-answer pairs)");
        expect(describeRunSources({ documentCount: 4, pairCount: 3 })).toBe("4 documents and 3 question–answer pairs");
        expect(describeRunSources({ documentCount: 1, pairCount: 1 })).toBe("1 document and 1 question–answer pair");
        expect(describeRunSources({ documentCount: 2, pairCount: 0 })).toBe("2 documents");
    });
});
