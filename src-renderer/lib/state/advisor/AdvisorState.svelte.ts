import type { AdvisorRunInfo, LocusApi } from "@common/contract";
import { isAdvisorActive } from "../../format/index.js";
import type { ConnectionState } from "../ConnectionState.svelte.js";

/** Budgets offered as one click, in minutes. */
export const advisorBudgetPresets = [5, 15, 30, 60] as const;

/**
 * The Advisor: the run under way or the latest one, the runs kept, and the person's actions (start with a
 * time budget, cancel, apply a recommendation, remove a run).
 */
export class AdvisorState {
    run = $state<AdvisorRunInfo | null>(null);
    runs = $state<AdvisorRunInfo[]>([]);
    budgetText = $state("15");
    busy = $state(false);
    problem = $state<string | null>(null);
    /** The run whose Apply just went through (its recommendation is now in effect). */
    appliedRunId = $state<string | null>(null);

    readonly running = $derived(isAdvisorActive(this.run));
    readonly budgetMinutes = $derived.by(() => {
        const minutes = Number(this.budgetText.trim());
        return Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440 ? minutes : null;
    });

    readonly #api: LocusApi;
    readonly #connection: ConnectionState;

    constructor(api: LocusApi, connection: ConnectionState) {
        this.#api = api;
        this.#connection = connection;
    }

    get blocker(): string | null {
        if (!this.#connection.open) return "Not connected to Locus.";
        if (this.running) return null;
        if (this.budgetMinutes === null) return "Give a time budget in whole minutes, from 1 to 1440.";
        return null;
    }

    async refresh(): Promise<void> {
        const [status, list] = await Promise.all([this.#api.advisor.status({}), this.#api.advisor.list({})]);
        if (status.ok) this.run = status.value;
        if (list.ok) this.runs = list.value;
    }

    apply(run: AdvisorRunInfo): void {
        if (this.run == null || this.run.id === run.id || run.startedAt >= this.run.startedAt) this.run = run;
        const index = this.runs.findIndex((r) => r.id === run.id);
        this.runs = index < 0 ? [run, ...this.runs] : this.runs.map((r) => (r.id === run.id ? run : r));
    }

    show(runId: string): void {
        this.run = this.runs.find((r) => r.id === runId) ?? this.run;
    }

    async start(): Promise<void> {
        if (this.budgetMinutes === null) return;
        await this.#act(async () => {
            const started = await this.#api.advisor.start({ budgetMinutes: this.budgetMinutes! });
            if (!started.ok) return started.error.message;
            this.apply(started.value);
            return null;
        });
    }

    async cancel(): Promise<void> {
        await this.#act(async () => {
            const result = await this.#api.advisor.cancel({});
            if (!result.ok) return result.error.message;
            if (result.value) this.apply(result.value);
            return null;
        });
    }

    /** Puts the run's recommendation into effect; resolves true when it did. */
    async applyRecommendation(runId: string): Promise<boolean> {
        let done = false;
        await this.#act(async () => {
            const result = await this.#api.advisor.apply({ runId });
            if (!result.ok) return result.error.message;
            this.apply(result.value);
            this.appliedRunId = runId;
            done = true;
            return null;
        });
        return done;
    }

    async remove(runId: string): Promise<void> {
        await this.#act(async () => {
            const result = await this.#api.advisor.remove({ runId });
            if (!result.ok) return result.error.message;
            this.runs = result.value;
            if (this.run?.id === runId) this.run = result.value[0] ?? null;
            return null;
        });
    }

    async #act(action: () => Promise<string | null>): Promise<void> {
        this.busy = true;
        this.problem = null;
        try {
            this.problem = await action();
        } finally {
            this.busy = false;
        }
    }
}
