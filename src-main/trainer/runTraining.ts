import { concatWindows } from "./data/buildWindows.js";
import { WindowOrder } from "./data/WindowOrder.js";
import type { NativeTrainerSession } from "./native/nativeTrainerTypes.js";
import { type BudgetPlanner, endChecksShare } from "./schedule/BudgetPlanner.js";
import { learningRateAt } from "./schedule/learningRate.js";
import type { StopReason, TrainingEvent, TrainingOptions } from "./types.js";

/** The part of a native session the loop drives (a fake one in unit tests). */
export type TrainingLoopSession = Pick<NativeTrainerSession, "trainStep" | "evaluate" | "keepBest" | "save">;

export type TrainingLoopInput = {
    session: TrainingLoopSession;
    trainWindows: readonly Int32Array[];
    validationWindows: readonly Int32Array[];
    /** Tokens a window trains on (the session's context size). */
    windowTokens: number;
    options: TrainingOptions;
    planner: BudgetPlanner;
    now: () => number;
    /** A path no file has yet, for the checkpoint after `step`. */
    checkpointPath: (step: number) => string;
    /** Metadata written into each adapter (base model identity, step, loss). */
    adapterMetadata: (step: number, validationLoss: number | null) => Record<string, string>;
    removeFile: (filePath: string) => Promise<void>;
    isCancelled: () => boolean;
    onEvent: (event: TrainingEvent) => void;
};

export type TrainingLoopOutcome = {
    adapterPath: string | null;
    steps: number;
    tokens: number;
    stoppedBy: StopReason;
    initialValidationLoss: number | null;
    bestValidationLoss: number | null;
    /** The last validation loss measured (the run's end, or its last periodic check). */
    lastValidationLoss: number | null;
    bestStep: number;
    finalTrainLoss: number | null;
    divergences: number;
    lastLearningRate: number;
    optimizerSeconds: number;
    validationSeconds: number;
    saveSeconds: number;
};

/**
 * Scoring held-out text runs the model forward over it: measured at 0.4 (every layer adapted) to 0.7
 * (the last quarter) of the time an optimizer step takes on as many tokens.
 */
const evaluationShareOfStep = 0.7;

/** Held-out text is never cut below this many tokens, however short the budget: a loss on less is mostly noise. */
const minValidationTokens = 128;

/** After this many rolled-back steps (each halving the learning rate) the run gives up. */
const maxDivergences = 5;

/**
 * The training loop: one window and one optimizer step at a time, until the budget, the step limit or
 * a cancel. Validation loss picks the checkpoint to keep (longer is not always better); each better one
 * is written as a new file and the previous one removed. A step that overflows is rolled back by the
 * session and the learning rate halved.
 */
export async function runTraining(input: TrainingLoopInput): Promise<TrainingLoopOutcome> {
    const { session, options, planner, now } = input;
    if (input.trainWindows.length === 0) throw new RangeError("runTraining needs at least one training window");
    let validation = input.validationWindows.length > 0 ? concatWindows(input.validationWindows) : null;
    const order = new WindowOrder(input.trainWindows.length, options.seed);
    const schedule = { peak: options.learningRate, warmupFraction: options.warmupFraction, minFraction: options.minLearningRateFraction };
    const outcome: TrainingLoopOutcome = {
        adapterPath: null, steps: 0, tokens: 0, stoppedBy: "budget", initialValidationLoss: null, bestValidationLoss: null, lastValidationLoss: null,
        bestStep: 0, finalTrainLoss: null, divergences: 0, lastLearningRate: 0, optimizerSeconds: 0, validationSeconds: 0, saveSeconds: 0
    };
    let latestValidation: number | null = null;
    let evaluatedSinceStep = true;
    let learningRateScale = 1;

    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
        const started = now();
        const value = await work();
        return [value, (now() - started) / 1000];
    };

    const evaluate = async (windows: Int32Array, best: boolean): Promise<number> => {
        const result = await session.evaluate(windows, { best });
        planner.recordValidation(result.seconds);
        outcome.validationSeconds += result.seconds;
        return result.loss;
    };

    // The untrained adapter changes nothing: its loss is the base model's, the reference to beat. It is
    // measured after the first step (on the weights kept before it), when the graphs are built and the
    // timing is representative of the evaluations to come.
    const validateInitial = async (): Promise<void> => {
        if (validation === null) return;
        // On a slow machine or a short budget, less held-out text: scoring a token costs up to about
        // `evaluationShareOfStep` of training on it, and the checks before and after training may take
        // `endChecksShare` of the budget between them, so that the budget goes to optimizer steps. Fixed
        // from here on, so every validation loss is measured on the same text.
        const secondsPerToken = (evaluationShareOfStep * (planner.stepSeconds ?? 0)) / input.windowTokens;
        const affordable = Math.floor((endChecksShare * options.budgetSeconds) / 2 / secondsPerToken);
        validation = heldOutSpans(input.validationWindows, Math.max(minValidationTokens, Number.isFinite(affordable) ? affordable : Infinity));
        outcome.initialValidationLoss = await evaluate(validation, true);
        latestValidation ??= outcome.initialValidationLoss;
    };

    const validate = async (): Promise<void> => {
        if (validation === null) return;
        const loss = await evaluate(validation, false);
        latestValidation = loss;
        evaluatedSinceStep = true;
        if (!Number.isFinite(loss) || (outcome.bestValidationLoss !== null && loss >= outcome.bestValidationLoss)) return;
        session.keepBest();
        const previous = outcome.adapterPath;
        const adapterPath = input.checkpointPath(outcome.steps);
        const [, seconds] = await timed(() =>
            session.save(adapterPath, { best: true, metadata: input.adapterMetadata(outcome.steps, loss) }));
        planner.recordSave(seconds);
        outcome.saveSeconds += seconds;
        Object.assign(outcome, { adapterPath, bestValidationLoss: loss, bestStep: outcome.steps });
        if (previous !== null) await input.removeFile(previous);
        input.onEvent({ type: "checkpoint", step: outcome.steps, validationLoss: loss, adapterPath });
    };

    // Snapshots due: those whose time has come (at the end, all that are left), each a file of its own.
    const pendingSnapshots = [...(options.snapshotSeconds ?? [])].sort((a, b) => a - b);
    const takeSnapshots = async (atEnd: boolean): Promise<void> => {
        const due: number[] = [];
        while (pendingSnapshots.length > 0 && (atEnd || planner.elapsedSeconds(now()) >= pendingSnapshots[0]!)) due.push(pendingSnapshots.shift()!);
        if (due.length === 0 || outcome.steps === 0) return;
        const adapterPath = input.checkpointPath(outcome.steps);
        const [, seconds] = await timed(() => session.save(adapterPath, { best: false, metadata: input.adapterMetadata(outcome.steps, null) }));
        outcome.saveSeconds += seconds;
        for (const atSeconds of due) input.onEvent({ type: "snapshot", atSeconds, step: outcome.steps, tokens: outcome.tokens, adapterPath });
    };

    if (validation !== null) session.keepBest();

    for (;;) {
        if (input.isCancelled()) {
            outcome.stoppedBy = "cancelled";
            break;
        }
        if (options.maxSteps !== undefined && outcome.steps >= options.maxSteps) {
            outcome.stoppedBy = "max-steps";
            break;
        }
        if (!planner.shouldStep(now(), validation !== null)) {
            outcome.stoppedBy = "budget";
            break;
        }
        const expectedSteps = options.maxSteps ?? outcome.steps + Math.max(1, planner.expectedRemainingSteps(now()));
        const progress = Math.max(planner.progress(now()), options.maxSteps ? outcome.steps / options.maxSteps : 0);
        const learningRate = learningRateAt(schedule, outcome.steps, expectedSteps, progress) * learningRateScale;
        outcome.lastLearningRate = learningRate;
        const window = input.trainWindows[order.next()] as Int32Array;
        const step = await session.trainStep(window, learningRate);
        planner.recordStep(step.seconds);
        outcome.optimizerSeconds += step.seconds;
        if (step.diverged) {
            outcome.divergences++;
            learningRateScale /= 2;
            if (outcome.divergences >= maxDivergences) {
                outcome.stoppedBy = "diverged";
                break;
            }
            continue;
        }
        outcome.steps++;
        outcome.tokens += input.windowTokens;
        outcome.finalTrainLoss = step.loss;
        evaluatedSinceStep = false;
        if (outcome.steps === 1) await validateInitial();
        await takeSnapshots(false);
        input.onEvent({
            type: "progress",
            step: outcome.steps,
            tokens: outcome.tokens,
            trainLoss: step.loss,
            validationLoss: latestValidation,
            learningRate,
            tokensPerSecond: outcome.tokens / Math.max(outcome.optimizerSeconds, 1e-9),
            elapsedSeconds: planner.elapsedSeconds(now()),
            secondsLeft: planner.secondsLeft(now())
        });
        // A periodic check right before the final one would measure nearly the same weights: skip it.
        const nearTheEnd = options.maxSteps === undefined && planner.expectedRemainingSteps(now()) < 2;
        if (validation !== null && planner.shouldValidate() && !nearTheEnd && !input.isCancelled()) await validate();
    }

    const saveLatest = async (): Promise<void> => {
        const adapterPath = input.checkpointPath(outcome.steps);
        const [, seconds] = await timed(() =>
            session.save(adapterPath, { best: false, metadata: input.adapterMetadata(outcome.steps, null) }));
        outcome.saveSeconds += seconds;
        outcome.adapterPath = adapterPath;
        outcome.bestStep = outcome.steps;
    };

    if (outcome.steps > 0) {
        // A cancel answers fast: no final validation (it can take many seconds on a real model). What
        // was kept stays; a run stopped before its first checkpoint keeps its latest weights.
        if (outcome.stoppedBy === "cancelled") {
            if (outcome.adapterPath === null) await saveLatest();
        } else if (validation !== null) {
            if (!evaluatedSinceStep) await validate();
        } else {
            await saveLatest();
        }
    }
    if (outcome.stoppedBy !== "cancelled") await takeSnapshots(true);
    outcome.lastValidationLoss = outcome.steps > 0 && latestValidation !== outcome.initialValidationLoss ? latestValidation : null;
    return outcome;
}

/**
 * The first `tokens` scored tokens of the held-out windows, in the layout the native evaluate() takes:
 * whole windows back to back, the last one cut short (a window of n + 1 tokens scores n).
 */
export function heldOutSpans(windows: readonly Int32Array[], tokens: number): Int32Array {
    const spans: Int32Array[] = [];
    let left = tokens;
    for (const window of windows) {
        if (left <= 0) break;
        const scored = Math.min(window.length - 1, left);
        spans.push(scored === window.length - 1 ? window : window.subarray(0, scored + 1));
        left -= scored;
    }
    return concatWindows(spans);
}
