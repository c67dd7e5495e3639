import type { TrainingRunInfo, TrainingRunState, TrainingStopReason } from "@common/contract/personalizeTypes.js";
import type { TrainingProgress, TrainingStats } from "../trainer/types.js";
import { LossCurve } from "./LossCurve.js";

export type TrainingRunStart = Pick<TrainingRunInfo, "id" | "modelId" | "modelName" | "documentCount" | "pairCount" | "budgetMinutes" | "startedAt">;

/** One training run as the Personalize view and the CLI see it, updated from the trainer's reports. */
export class TrainingRun {
    #info: TrainingRunInfo;
    readonly #curve = new LossCurve();
    #lastValidation: number | null = null;

    constructor(start: TrainingRunStart, private readonly now: () => number = Date.now) {
        this.#info = {
            ...start, state: "preparing", endedAt: null, step: 0, tokens: 0, tokensPerSecond: null,
            elapsedSeconds: 0, secondsLeft: null, trainLoss: null, validationLoss: null, initialValidationLoss: null,
            points: [], stoppedBy: null, error: null, adapterId: null
        };
    }

    get info(): TrainingRunInfo {
        return { ...this.#info, points: this.#curve.points };
    }

    get finished(): boolean {
        return this.#info.state === "done" || this.#info.state === "cancelled" || this.#info.state === "failed";
    }

    progress(event: TrainingProgress): void {
        // The first report carries the base model's loss, measured before any update counted.
        if (this.#info.step === 0 && event.validationLoss !== null) this.#info.initialValidationLoss = event.validationLoss;
        const freshValidation = event.validationLoss !== null && event.validationLoss !== this.#lastValidation ? event.validationLoss : null;
        this.#lastValidation = event.validationLoss;
        this.#curve.add({ step: event.step, elapsedSeconds: event.elapsedSeconds, trainLoss: event.trainLoss }, freshValidation);
        Object.assign(this.#info, {
            state: this.#info.state === "preparing" ? "training" : this.#info.state,
            step: event.step, tokens: event.tokens, tokensPerSecond: event.tokensPerSecond, elapsedSeconds: event.elapsedSeconds,
            secondsLeft: event.secondsLeft, trainLoss: event.trainLoss, validationLoss: event.validationLoss
        });
    }

    setState(state: TrainingRunState): void {
        this.#info.state = state;
    }

    /** The run ended with these statistics; `adapterId` names the adapter it registered, if any. */
    finish(stats: TrainingStats, adapterId: string | null): void {
        const stoppedBy: TrainingStopReason = stats.stoppedBy;
        if (stats.lastValidationLoss !== null && stats.finalTrainLoss !== null && stats.steps > 0) {
            this.#curve.addFinalValidation(
                { step: stats.steps, elapsedSeconds: stats.wallSeconds, trainLoss: stats.finalTrainLoss }, stats.lastValidationLoss
            );
        }
        Object.assign(this.#info, {
            state: stoppedBy === "cancelled" ? "cancelled" : "done",
            endedAt: this.now(), stoppedBy, adapterId, step: stats.steps, tokens: stats.tokens,
            elapsedSeconds: stats.wallSeconds, secondsLeft: 0,
            initialValidationLoss: stats.initialValidationLoss ?? this.#info.initialValidationLoss,
            validationLoss: stats.bestValidationLoss ?? this.#info.validationLoss,
            trainLoss: stats.finalTrainLoss ?? this.#info.trainLoss,
            ...(stats.steps > 0 ? { tokensPerSecond: stats.tokensPerSecond } : {})
        });
    }

    fail(message: string): void {
        Object.assign(this.#info, { state: "failed", endedAt: this.now(), error: message, secondsLeft: null });
    }

    /** Cancelled before the trainer took the run. */
    cancelBeforeStart(): void {
        Object.assign(this.#info, { state: "cancelled", endedAt: this.now(), stoppedBy: "cancelled", secondsLeft: null });
    }
}
