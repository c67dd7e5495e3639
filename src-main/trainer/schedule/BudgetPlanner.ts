/**
 * The last few measurements: step times drift (other work on the machine, warm caches). The very first
 * one also builds and allocates the graphs, so it only counts until a second one arrives.
 */
class Recent {
    readonly #values: number[] = [];
    #first: number | undefined;

    public constructor(private readonly size: number) {}

    public add(value: number): void {
        if (this.#first === undefined && this.#values.length === 0) {
            this.#first = value;
            return;
        }
        this.#values.push(value);
        if (this.#values.length > this.size) this.#values.shift();
    }

    public get mean(): number | undefined {
        const values = this.#current;
        return values.length === 0 ? undefined : values.reduce((sum, item) => sum + item, 0) / values.length;
    }

    public get max(): number | undefined {
        const values = this.#current;
        return values.length === 0 ? undefined : Math.max(...values);
    }

    get #current(): number[] {
        return this.#values.length > 0 || this.#first === undefined ? this.#values : [this.#first];
    }
}

/**
 * Share of the budget the checks before and after training may take between them. Periodic checks get
 * `validationOverhead` of the budget on top; no more, so that at least 90% of a budget can go to
 * optimizer steps even when one held-out window costs most of a step.
 */
export const endChecksShare = 0.02;

export type BudgetPlannerOptions = {
    /** When the run began (ms, same clock as `now`). */
    startedAtMs: number;
    budgetSeconds: number;
    /** Allowed overrun of the budget, as a fraction of it (the run may end up to this much late). */
    tolerance: number;
    /** Share of training time that periodic validation may take. */
    validationOverhead: number;
};

/**
 * Decides, between optimizer steps, whether another step fits the time budget and when to validate.
 * It estimates step, validation and save times from measured ones and keeps time for the final
 * validation and save. When the next step would end past the deadline it is still taken if that lands
 * closer to the deadline than stopping now does, and within the tolerance: so the run ends within half a
 * step of the budget.
 */
export class BudgetPlanner {
    readonly #options: BudgetPlannerOptions;
    readonly #steps = new Recent(5);
    readonly #validations = new Recent(3);
    readonly #saves = new Recent(3);
    #trainingSinceValidation = 0;
    #validationSeconds = 0;

    public constructor(options: BudgetPlannerOptions) {
        this.#options = options;
    }

    public get deadlineMs(): number {
        return this.#options.startedAtMs + this.#options.budgetSeconds * 1000;
    }

    public get stepSeconds(): number | undefined {
        return this.#steps.mean;
    }

    public recordStep(seconds: number): void {
        this.#steps.add(seconds);
        this.#trainingSinceValidation += seconds;
    }

    public recordValidation(seconds: number): void {
        this.#validations.add(seconds);
        this.#validationSeconds += seconds;
        this.#trainingSinceValidation = 0;
    }

    public recordSave(seconds: number): void {
        this.#saves.add(seconds);
    }

    /**
     * Time to keep for what follows the last step: a validation (when needed) and a save. Evaluation time
     * varies with the machine's load, so the slowest recent one counts.
     */
    public finishReserveSeconds(validateAtEnd: boolean): number {
        const validation = validateAtEnd ? 1.1 * (this.#validations.max ?? 0) : 0;
        return validation + (this.#saves.max ?? 0.05) + 0.05;
    }

    public shouldStep(nowMs: number, validateAtEnd: boolean): boolean {
        const reserveMs = this.finishReserveSeconds(validateAtEnd) * 1000;
        const deadline = this.deadlineMs;
        const stepMs = (this.#steps.mean ?? 0) * 1000;
        const endIfStop = nowMs + reserveMs;
        const endIfStep = endIfStop + stepMs;
        if (endIfStep <= deadline) return true;
        // Past the deadline, a step is taken only if it is expected to land closer to it than stopping
        // now, and even the slowest recent step would end within most of the tolerance.
        const overrun = endIfStep - deadline;
        const worstOverrun = endIfStop + (this.#steps.max ?? 0) * 1000 - deadline;
        return overrun < deadline - endIfStop && worstOverrun <= 0.8 * this.#options.tolerance * this.#options.budgetSeconds * 1000;
    }

    /**
     * Periodic validation keeps to its share of the training time, and all validations together (this
     * one and the final one included) to theirs of the budget: when one check costs a large part of a
     * step, a short budget has room only for the checks before and after training.
     */
    public shouldValidate(): boolean {
        const cost = this.#validations.mean;
        if (cost === undefined) return true;
        const spaced = this.#trainingSinceValidation * this.#options.validationOverhead >= cost;
        const affordable = this.#validationSeconds + 2 * cost <= (endChecksShare + this.#options.validationOverhead) * this.#options.budgetSeconds;
        return spaced && affordable;
    }

    /** Steps the rest of the budget is expected to hold (for the learning-rate schedule). */
    public expectedRemainingSteps(nowMs: number): number {
        const step = this.#steps.mean;
        if (step === undefined || step <= 0) return 0;
        const left = (this.deadlineMs - nowMs) / 1000 - this.finishReserveSeconds(true);
        return Math.max(0, Math.floor(left / (step * (1 + this.#options.validationOverhead))));
    }

    public elapsedSeconds(nowMs: number): number {
        return (nowMs - this.#options.startedAtMs) / 1000;
    }

    public secondsLeft(nowMs: number): number {
        return Math.max(0, (this.deadlineMs - nowMs) / 1000);
    }

    /** How far the run is, 0..1, by time. */
    public progress(nowMs: number): number {
        return Math.min(1, Math.max(0, (nowMs - this.#options.startedAtMs) / (this.#options.budgetSeconds * 1000)));
    }
}
