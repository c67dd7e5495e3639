import { describe, expect, it } from "vitest";
import { withDefaultTrainingOptions } from "../../../src-main/trainer/defaultTrainingOptions.js";
import { runTraining, type TrainingLoopSession } from "../../../src-main/trainer/runTraining.js";
import { BudgetPlanner } from "../../../src-main/trainer/schedule/BudgetPlanner.js";
import type { TrainingEvent, TrainingOptions } from "../../../src-main/trainer/types.js";

type FakeScript = {
    stepSeconds?: (step: number) => number;
    evalSeconds?: number;
    /** Validation loss after `steps` good steps. */
    validationLoss?: (steps: number) => number;
    /** Steps (by call number, from 0) whose loss overflows. */
    diverging?: (call: number) => boolean;
};

/** A session on a simulated clock: each call advances time as a real one would take. */
function fakeSession(script: FakeScript = {}) {
    const clock = { ms: 0 };
    let calls = 0;
    let goodSteps = 0;
    let kept = 0;
    const saved: Array<{ path: string; best: boolean; keptAt: number; metadata: Record<string, string> }> = [];
    const learningRates: number[] = [];
    const evaluatedTokens: number[] = [];
    /** Good steps taken when each validation (not the initial one) ran. */
    const validatedAfter: number[] = [];
    const session: TrainingLoopSession = {
        trainStep: (_window, learningRate) => {
            const call = calls++;
            const seconds = script.stepSeconds?.(call) ?? 1;
            clock.ms += seconds * 1000;
            learningRates.push(learningRate);
            const diverged = script.diverging?.(call) ?? false;
            if (!diverged) goodSteps++;
            return Promise.resolve({ loss: diverged ? Number.NaN : 5 - goodSteps * 0.01, diverged, seconds });
        },
        evaluate: (windows, options) => {
            evaluatedTokens.push(windows.length);
            if (options?.best !== true) validatedAfter.push(goodSteps);
            const seconds = script.evalSeconds ?? 0.5;
            clock.ms += seconds * 1000;
            const steps = options?.best === true ? 0 : goodSteps;
            return Promise.resolve({ loss: script.validationLoss?.(steps) ?? 5 - steps * 0.01, tokens: 8, seconds });
        },
        keepBest: () => {
            kept = goodSteps;
        },
        save: (path, options) => {
            clock.ms += 10;
            saved.push({ path, best: options.best, keptAt: kept, metadata: options.metadata });
            return Promise.resolve(path);
        }
    };
    return { session, clock, saved, learningRates, evaluatedTokens, validatedAfter };
}

function run(fake: ReturnType<typeof fakeSession>, options: Partial<TrainingOptions> & { budgetSeconds: number }, extra: {
    validation?: boolean;
    /** Held-out windows (default one). */
    validationWindows?: number;
    /** Tokens a window trains on (default 2: windows of three tokens). */
    windowTokens?: number;
    isCancelled?: () => boolean;
    events?: TrainingEvent[];
    removed?: string[];
} = {}) {
    const trainingOptions = withDefaultTrainingOptions({ threads: 1, learningRate: 1e-3, ...options });
    const planner = new BudgetPlanner({ startedAtMs: 0, budgetSeconds: options.budgetSeconds, tolerance: 0.05, validationOverhead: trainingOptions.validationOverhead });
    return runTraining({
        session: fake.session,
        trainWindows: [Int32Array.of(1, 2, 3), Int32Array.of(4, 5, 6)],
        validationWindows: extra.validation === false ? [] : Array.from({ length: extra.validationWindows ?? 1 }, () => new Int32Array((extra.windowTokens ?? 2) + 1).fill(7)),
        windowTokens: extra.windowTokens ?? 2,
        options: trainingOptions,
        planner,
        now: () => fake.clock.ms,
        checkpointPath: (step) => `/adapters/run.step${String(step)}.gguf`,
        adapterMetadata: (step, loss) => ({ step: String(step), loss: String(loss) }),
        removeFile: (file) => {
            extra.removed?.push(file);
            return Promise.resolve();
        },
        isCancelled: extra.isCancelled ?? (() => false),
        onEvent: (event) => extra.events?.push(event)
    });
}

describe("runTraining", () => {
    it("ends within 5% of the budget and spends most of it in optimizer steps", async () => {
        const fake = fakeSession({ stepSeconds: (i) => (i === 0 ? 3 : 1 + 0.1 * Math.sin(i)), evalSeconds: 0.6 });
        const outcome = await run(fake, { budgetSeconds: 60 });
        expect(outcome.stoppedBy).toBe("budget");
        expect(Math.abs(fake.clock.ms / 1000 - 60)).toBeLessThanOrEqual(3);
        expect(outcome.optimizerSeconds / 60).toBeGreaterThanOrEqual(0.9);
        expect(outcome.steps).toBeGreaterThan(40);
    });

    it("keeps 90% of a short budget for optimizer steps when one step is 6% of it (bench:train's loaded machine)", async () => {
        // Measured on the realistic Q4_0 model with two threads on a busy machine: 35 s steps, 17 s for one
        // held-out window, 5 s to start and load. A periodic check would cost half a step more than the
        // budget has room for, so only the checks before and after training run.
        const fake = fakeSession({ stepSeconds: (i) => (i === 0 ? 38 : 35 + 2 * Math.sin(i)), evalSeconds: 17 });
        fake.clock.ms = 5000;
        const outcome = await run(fake, { budgetSeconds: 600 }, { validationWindows: 4 });
        expect(fake.evaluatedTokens).toHaveLength(2);
        expect(Math.abs(fake.clock.ms / 1000 - 600)).toBeLessThanOrEqual(30);
        expect(outcome.optimizerSeconds / 600).toBeGreaterThanOrEqual(0.9);
    });

    it("scores less held-out text when steps are slow for the budget (never under 128 tokens), the same text every time", async () => {
        // 40 s steps on 512-token windows, 600 s: the two end checks may take 12 s, about 110 tokens' worth.
        const slow = fakeSession({ stepSeconds: () => 40, evalSeconds: 5 });
        await run(slow, { budgetSeconds: 600 }, { validationWindows: 4, windowTokens: 512 });
        expect(slow.evaluatedTokens.length).toBeGreaterThan(1);
        expect(new Set(slow.evaluatedTokens)).toEqual(new Set([128 + 1]));
        // 1 s steps, 1800 s: 18 s hold all four windows (2,048 tokens at about 0.0014 s each).
        const fast = fakeSession({ stepSeconds: () => 1, evalSeconds: 2 });
        await run(fast, { budgetSeconds: 1800 }, { validationWindows: 4, windowTokens: 512 });
        expect(new Set(fast.evaluatedTokens)).toEqual(new Set([4 * 513]));
        // In between: whole windows, then a cut one (5 s steps: 0.0068 s a token, 18 s per check, 2,633 tokens).
        const middle = fakeSession({ stepSeconds: () => 5, evalSeconds: 2 });
        await run(middle, { budgetSeconds: 1800 }, { validationWindows: 8, windowTokens: 512 });
        expect(new Set(middle.evaluatedTokens)).toEqual(new Set([5 * 513 + (2633 - 5 * 512) + 1]));
    });

    it("skips a periodic check in the last steps: the final validation measures those weights anyway", async () => {
        // Cheap validation: without the rule it would run after every step, the last two included.
        const fake = fakeSession({ stepSeconds: () => 10, evalSeconds: 0.1 });
        const outcome = await run(fake, { budgetSeconds: 200 }, {});
        expect(outcome.steps).toBeGreaterThan(10);
        expect(fake.validatedAfter.filter((steps) => steps >= outcome.steps - 1)).toEqual([outcome.steps]);
        expect(fake.validatedAfter.filter((steps) => steps < outcome.steps - 2).length).toBeGreaterThan(3);
    });

    it("measures the untrained loss first, validates periodically and keeps only the best checkpoint on disk", async () => {
        // Validation improves until step 20, then gets worse: longer is not always better.
        const fake = fakeSession({ validationLoss: (steps) => 5 - 0.02 * Math.min(steps, 20) + 0.03 * Math.max(0, steps - 20), evalSeconds: 0.1 });
        const events: TrainingEvent[] = [];
        const removed: string[] = [];
        const outcome = await run(fake, { budgetSeconds: 80, validationOverhead: 0.05 }, { events, removed });
        expect(outcome.initialValidationLoss).toBe(5);
        const checkpoints = events.filter((event) => event.type === "checkpoint");
        expect(checkpoints.length).toBeGreaterThan(1);
        expect(outcome.bestStep).toBeLessThanOrEqual(22);
        expect(outcome.bestValidationLoss).toBeCloseTo(5 - 0.02 * Math.min(outcome.bestStep, 20), 6);
        expect(outcome.adapterPath).toBe(`/adapters/run.step${String(outcome.bestStep)}.gguf`);
        expect(removed).toEqual(checkpoints.slice(0, -1).map((event) => event.adapterPath));
        expect(fake.saved.every((save) => save.best)).toBe(true);
        expect(events.filter((event) => event.type === "progress")).toHaveLength(outcome.steps);
        // The final validation (after the last step, so in no step report) is handed back for the chart:
        // past step 20 the loss only rises, so the last one is worse than the best.
        expect(outcome.lastValidationLoss).toBeCloseTo(5 - 0.4 + 0.03 * (outcome.steps - 20), 6);
        expect(outcome.lastValidationLoss).toBeGreaterThan(outcome.bestValidationLoss ?? Number.POSITIVE_INFINITY);
    });

    it("stops after the current step when cancelled, without a final validation, keeping the latest weights when nothing was kept yet", async () => {
        const fake = fakeSession();
        let polls = 0;
        const outcome = await run(fake, { budgetSeconds: 100 }, { isCancelled: () => ++polls > 4 });
        expect(outcome.stoppedBy).toBe("cancelled");
        expect(outcome.steps).toBeLessThanOrEqual(4);
        expect(fake.clock.ms).toBeLessThan(10_000);
        expect(fake.saved.filter((save) => !save.best)).toHaveLength(1);
        expect(outcome).toMatchObject({ adapterPath: `/adapters/run.step${String(outcome.steps)}.gguf`, bestStep: outcome.steps });
    });

    it("keeps the best checkpoint, and writes nothing more, when cancelled after one", async () => {
        const fake = fakeSession();
        const outcome = await run(fake, { budgetSeconds: 100, validationOverhead: 1 }, { isCancelled: () => fake.saved.length > 0 });
        expect(outcome.stoppedBy).toBe("cancelled");
        expect(fake.saved).toHaveLength(1);
        expect(fake.saved[0]?.best).toBe(true);
        expect(outcome.adapterPath).not.toBeNull();
    });

    it("halves the learning rate after a step overflows, and gives up after five", async () => {
        const fake = fakeSession({ diverging: (call) => call === 3 });
        const outcome = await run(fake, { budgetSeconds: 30, learningRate: 1e-3, warmupFraction: 0 });
        expect(outcome.divergences).toBe(1);
        expect(fake.learningRates[4]).toBeLessThan((fake.learningRates[2] as number) * 0.55);
        const hopeless = fakeSession({ diverging: () => true });
        const gaveUp = await run(hopeless, { budgetSeconds: 30 });
        expect(gaveUp).toMatchObject({ stoppedBy: "diverged", divergences: 5, steps: 0, adapterPath: null });
    });

    it("saves the last weights when there is no validation data", async () => {
        const fake = fakeSession();
        const outcome = await run(fake, { budgetSeconds: 100, maxSteps: 7 }, { validation: false });
        expect(outcome).toMatchObject({ stoppedBy: "max-steps", steps: 7, adapterPath: "/adapters/run.step7.gguf", initialValidationLoss: null });
        expect(fake.saved).toEqual([expect.objectContaining({ best: false, metadata: { step: "7", loss: "null" } })]);
    });
});

describe("runTraining snapshots", () => {
    it("saves the current weights once each requested point of the budget has passed, and the rest at the end", async () => {
        const fake = fakeSession({ stepSeconds: () => 1 });
        const events: TrainingEvent[] = [];
        await run(fake, { budgetSeconds: 20, snapshotSeconds: [10, 5, 20] }, { validation: false, events });
        const snapshots = events.filter((event) => event.type === "snapshot");
        expect(snapshots.map((s) => s.atSeconds)).toEqual([5, 10, 20]);
        // Each is a file of its own, of the weights as they were (not the best kept ones), at a later step than the one before.
        expect(new Set(snapshots.map((s) => s.adapterPath)).size).toBe(3);
        expect(snapshots[0]!.step).toBeGreaterThanOrEqual(5);
        expect(snapshots[0]!.step).toBeLessThan(snapshots[1]!.step);
        expect(snapshots[1]!.step).toBeLessThanOrEqual(snapshots[2]!.step);
        expect(fake.saved.filter((s) => snapshots.some((n) => n.adapterPath === s.path)).every((s) => !s.best)).toBe(true);
    });

    it("takes no snapshot when the run is cancelled", async () => {
        const fake = fakeSession();
        const events: TrainingEvent[] = [];
        let calls = 0;
        await run(fake, { budgetSeconds: 20, snapshotSeconds: [15] }, { validation: false, events, isCancelled: () => ++calls > 3 });
        expect(events.filter((event) => event.type === "snapshot")).toEqual([]);
    });
});
