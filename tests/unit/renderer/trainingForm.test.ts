import type { LibraryDocumentInfo, TrainingRunInfo } from "@common/contract";
import { describe, expect, it } from "vitest";
import {
    defaultBudgetMinutes, newerRun, parseBudget, selectedDocumentIds, startBlocker, toggleChoice, trainingCandidates, type StartConditions
} from "../../../src-renderer/lib/state/personalize/trainingForm.js";

const document = (id: string, patch: Partial<LibraryDocumentInfo> = {}): LibraryDocumentInfo => ({
    id, displayName: `${id}.md`, format: "markdown", status: "indexed", statusReason: null, pageCount: null, chunkCount: 3, sizeBytes: 100,
    updatedAt: 0, indexedAt: 0, ...patch
});

const library = [
    document("b"), document("a"), document("broken", { status: "failed", statusReason: "Not a PDF file." }), document("new", { status: "queued" }),
    document("busy", { status: "embedding" })
];

const run = (patch: Partial<TrainingRunInfo> = {}): TrainingRunInfo => ({
    id: "r1", state: "training", modelId: "m1", modelName: "Tiny", documentCount: 1, pairCount: 0, budgetMinutes: 1, startedAt: 100, endedAt: null,
    step: 5, tokens: 0, tokensPerSecond: null, elapsedSeconds: 0, secondsLeft: null, trainLoss: null, validationLoss: null,
    initialValidationLoss: null, points: [], stoppedBy: null, error: null, adapterId: null, ...patch
});

const ready: StartConditions = { connected: true, running: false, chatModelId: "m1", indexedCount: 2, selectedCount: 1, budgetMinutes: 10 };

describe("training form", () => {
    it("starts from the budget chosen in Settings, else ten minutes", () => {
        expect(defaultBudgetMinutes(null)).toBe(10);
        expect(defaultBudgetMinutes({ learningBudgetMinutes: 0 })).toBe(10);
        expect(defaultBudgetMinutes({ learningBudgetMinutes: 30 })).toBe(30);
        expect(defaultBudgetMinutes({ learningBudgetMinutes: 99_999 })).toBe(10);
    });

    it("accepts only whole minutes within the contract's limits", () => {
        expect(parseBudget(" 15 ")).toBe(15);
        expect(parseBudget("1")).toBe(1);
        expect(parseBudget("1440")).toBe(1440);
        for (const text of ["", "0", "1441", "2.5", "-3", "ten", "1e2"]) expect(parseBudget(text)).toBeNull();
    });

    it("lists indexed documents first and says why the others cannot be chosen", () => {
        const candidates = trainingCandidates(library);
        expect(candidates.map((candidate) => candidate.document.id)).toEqual(["a", "b", "broken", "busy", "new"]);
        expect(candidates.filter((candidate) => candidate.selectable).map((candidate) => candidate.document.id)).toEqual(["a", "b"]);
        const reasons = Object.fromEntries(candidates.map((candidate) => [candidate.document.id, candidate.reason]));
        expect(reasons.broken).toBe("Could not be read: Not a PDF file.");
        expect(reasons.new).toMatch(/^Not indexed yet/);
        expect(reasons.busy).toMatch(/^Not indexed yet/);
        expect(reasons.a).toBeNull();
    });

    it("means every indexed document until the person picks, and keeps only indexed ones after", () => {
        expect(selectedDocumentIds(null, library)).toEqual(["b", "a"]);
        const picked = toggleChoice(null, library, "a");
        expect(picked).toEqual(["b"]);
        expect(toggleChoice(picked, library, "a")).toEqual(["b", "a"]);
        // A failed or not-yet-indexed id never goes out, even if it was picked before its state changed.
        expect(selectedDocumentIds(["a", "broken", "new", "gone"], library)).toEqual(["a"]);
        expect(selectedDocumentIds([], library)).toEqual([]);
    });

    it("blocks Start with a reason that says what to do, in order of what to fix first", () => {
        expect(startBlocker(ready)).toBeNull();
        expect(startBlocker({ ...ready, connected: false })).toMatch(/Not connected/);
        expect(startBlocker({ ...ready, running: true })).toMatch(/already/);
        expect(startBlocker({ ...ready, chatModelId: null, selectedCount: 0 })).toMatch(/chat model/);
        expect(startBlocker({ ...ready, indexedCount: 0, selectedCount: 0 })).toMatch(/Library/);
        expect(startBlocker({ ...ready, selectedCount: 0 })).toMatch(/Select at least one document/);
        expect(startBlocker({ ...ready, budgetMinutes: null })).toMatch(/1 to 1,440/);
    });

    it("never lets an older report of the run replace a newer one", () => {
        const current = run({ step: 5 });
        expect(newerRun(null, current)).toBe(current);
        expect(newerRun(current, null)).toBe(current);
        expect(newerRun(current, run({ step: 4 }))).toBe(current);
        const later = run({ step: 6 });
        expect(newerRun(current, later)).toBe(later);
        const ended = run({ step: 6, state: "cancelled", stoppedBy: "cancelled" });
        expect(newerRun(current, ended)).toBe(ended);
        expect(newerRun(ended, run({ step: 6 }))).toBe(ended);
        // A new run replaces the last one; a report of an older run does not.
        const next = run({ id: "r2", startedAt: 200, step: 0, state: "preparing" });
        expect(newerRun(ended, next)).toBe(next);
        expect(newerRun(next, ended)).toBe(next);
    });
});
