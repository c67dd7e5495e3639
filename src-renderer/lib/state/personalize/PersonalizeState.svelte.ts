import type { AdapterInfo, HostCapabilities, LocusApi, QaPairsInfo, Result, TrainingRunInfo } from "@common/contract";
import { isRunActive } from "../../format/index.js";
import type { ConnectionState } from "../ConnectionState.svelte.js";
import type { LibraryState } from "../library/index.js";
import type { SettingsState } from "../setup/index.js";
import {
    defaultBudgetMinutes, newerRun, parseBudget, selectedDocumentIds, startBlocker, toggleChoice, trainingCandidates
} from "./trainingForm.js";

/** What Personalize reads from the rest of the app. */
export type PersonalizeDeps = { api: LocusApi; library: LibraryState; settings: SettingsState; connection: ConnectionState };

/**
 * The Personalize view: the form that starts a training run (documents, budget, name), the run
 * itself as the services report it, and the adapters it produced with the person's actions on them.
 */
export class PersonalizeState {
    run = $state<TrainingRunInfo | null>(null);
    adapters = $state<AdapterInfo[]>([]);
    /** Document ids picked; null until the person picks (then every indexed document is meant). */
    chosen = $state<string[] | null>(null);
    /** What the person typed in the budget field; null until they type (the default applies). */
    budgetText = $state<string | null>(null);
    name = $state("");
    starting = $state(false);
    /** Stop was pressed: the run ends after its current step. */
    stopping = $state(false);
    /** Why the last Start or Stop failed, in the services' words. */
    runProblem = $state<string | null>(null);
    /** Why the adapters could not be read, or the last action on one failed. */
    adapterProblem = $state<string | null>(null);
    /** The adapter being renamed and the name typed so far. */
    renaming = $state<{ adapterId: string; name: string } | null>(null);
    /** The adapter whose Delete was pressed and now asks for confirmation. */
    confirmingRemoveId = $state<string | null>(null);
    /** An adapter action is on its way (buttons wait for it). */
    busy = $state(false);
    /** How this window can name a file: a native dialog (Electron) or a typed path (browser host). */
    capabilities = $state<HostCapabilities>({ nativeFileDialog: false, pathEntry: false });
    /** Question-answer pairs read for the next run (optional). */
    pairs = $state<QaPairsInfo | null>(null);
    /** The path typed for a pairs file (browser host). */
    pairsPath = $state("");
    loadingPairs = $state(false);
    /** Why the pairs file could not be read, naming the file and the line. */
    pairsProblem = $state<string | null>(null);

    readonly #api: LocusApi;
    readonly #library: LibraryState;
    readonly #settings: SettingsState;
    readonly #connection: ConnectionState;

    // Written as closures: the fields they read are set in the constructor, after these initializers.
    readonly running = $derived(isRunActive(this.run));
    readonly candidates = $derived.by(() => trainingCandidates(this.#library.documents));
    readonly selectedIds = $derived.by(() => selectedDocumentIds(this.chosen, this.#library.documents));
    readonly budgetField = $derived.by(() => this.budgetText ?? String(defaultBudgetMinutes(this.#settings.main)));
    readonly budgetMinutes = $derived(parseBudget(this.budgetField));
    readonly chatModelId = $derived.by(() => this.#settings.main?.chatModelId ?? null);
    readonly blocker = $derived.by(() =>
        startBlocker({
            connected: this.#connection.open,
            running: this.running,
            chatModelId: this.chatModelId,
            indexedCount: this.#library.indexedCount,
            selectedCount: this.selectedIds.length,
            budgetMinutes: this.budgetMinutes
        })
    );
    readonly activeAdapter = $derived(this.adapters.find((adapter) => adapter.active) ?? null);
    /** The adapter the shown run produced, once it is in the registry. */
    readonly runAdapter = $derived(this.adapters.find((adapter) => adapter.id === this.run?.adapterId) ?? null);

    constructor(deps: PersonalizeDeps) {
        this.#api = deps.api;
        this.#library = deps.library;
        this.#settings = deps.settings;
        this.#connection = deps.connection;
    }

    /** Reads the run and the adapters (also after a reload: a run going on shows live again). */
    async refresh(): Promise<void> {
        const [status, adapters] = await Promise.all([this.#api.training.status({}), this.#api.adapters.list({})]);
        if (status.ok) {
            // No run at all is the services' word: whatever was shown before belongs to another session.
            this.applyRun(status.value, status.value === null);
        }
        if (adapters.ok) this.applyAdapters(adapters.value);
        else this.adapterProblem = adapters.error.message;
    }

    applyRun(run: TrainingRunInfo | null, replace = false): void {
        const previous = this.run;
        this.run = replace ? run : newerRun(previous, run);
        if (!isRunActive(this.run) || this.run?.id !== previous?.id) this.stopping = false;
    }

    applyAdapters(adapters: AdapterInfo[]): void {
        this.adapters = adapters;
        this.adapterProblem = null;
        if (this.confirmingRemoveId !== null && !adapters.some((adapter) => adapter.id === this.confirmingRemoveId)) this.confirmingRemoveId = null;
        if (this.renaming !== null && !adapters.some((adapter) => adapter.id === this.renaming?.adapterId)) this.renaming = null;
    }

    isSelected(documentId: string): boolean {
        return this.selectedIds.includes(documentId);
    }

    toggle(documentId: string): void {
        this.chosen = toggleChoice(this.chosen, this.#library.documents, documentId);
    }

    selectAll(): void {
        this.chosen = null;
    }

    selectNone(): void {
        this.chosen = [];
    }

    setBudget(minutes: number): void {
        this.budgetText = String(minutes);
    }

    /** Chooses a pairs file in the system's dialog; cancelling keeps what was chosen before. */
    async choosePairs(): Promise<void> {
        await this.#readPairs(() => this.#api.training.pairsWithDialog({}));
    }

    async addPairsFromPath(): Promise<void> {
        const path = this.pairsPath.trim();
        if (path === "") return;
        if (await this.#readPairs(() => this.#api.training.pairsFromPath({ path }))) this.pairsPath = "";
    }

    clearPairs(): void {
        this.pairs = null;
        this.pairsProblem = null;
    }

    async #readPairs(read: () => Promise<Result<QaPairsInfo | null>>): Promise<boolean> {
        if (this.loadingPairs) return false;
        this.loadingPairs = true;
        this.pairsProblem = null;
        try {
            const result = await read();
            if (!result.ok) {
                this.pairsProblem = result.error.message;
                return false;
            }
            if (result.value !== null) this.pairs = result.value;
            return true;
        } finally {
            this.loadingPairs = false;
        }
    }

    async start(): Promise<void> {
        const budgetMinutes = this.budgetMinutes;
        if (this.blocker !== null || this.starting || budgetMinutes === null) return;
        this.starting = true;
        this.runProblem = null;
        try {
            const name = this.name.trim();
            const result = await this.#api.training.start({
                documentIds: this.selectedIds, budgetMinutes, ...(name ? { name } : {}), ...(this.pairs ? { pairsId: this.pairs.id } : {})
            });
            if (result.ok) {
                this.applyRun(result.value);
                this.name = "";
            } else {
                this.runProblem = result.error.message;
            }
        } finally {
            this.starting = false;
        }
    }

    async stop(): Promise<void> {
        if (!this.running || this.stopping) return;
        this.stopping = true;
        const result = await this.#api.training.cancel({});
        if (!result.ok) {
            this.stopping = false;
            this.runProblem = result.error.message;
            return;
        }
        this.applyRun(result.value);
    }

    /** Chat uses the adapter from its next answer; returns whether that worked. */
    async activate(adapterId: string, scale?: number): Promise<boolean> {
        return this.#change(() => this.#api.adapters.activate(scale === undefined ? { adapterId } : { adapterId, scale }));
    }

    async deactivate(): Promise<boolean> {
        return this.#change(() => this.#api.adapters.deactivate({}));
    }

    async setScale(adapterId: string, scale: number): Promise<boolean> {
        const rounded = Math.round(Math.min(2, Math.max(0, scale)) * 10) / 10;
        return this.#change(() => this.#api.adapters.setScale({ adapterId, scale: rounded }));
    }

    startRename(adapterId: string): void {
        const adapter = this.adapters.find((item) => item.id === adapterId);
        if (!adapter) return;
        this.confirmingRemoveId = null;
        this.renaming = { adapterId, name: adapter.name };
    }

    cancelRename(): void {
        this.renaming = null;
    }

    async commitRename(): Promise<void> {
        const renaming = this.renaming;
        if (!renaming) return;
        this.renaming = null;
        const name = renaming.name.trim();
        const current = this.adapters.find((adapter) => adapter.id === renaming.adapterId);
        if (!name || !current || current.name === name) return;
        await this.#change(() => this.#api.adapters.rename({ adapterId: renaming.adapterId, name }));
    }

    requestRemove(adapterId: string): void {
        this.renaming = null;
        this.confirmingRemoveId = adapterId;
    }

    cancelRemove(): void {
        this.confirmingRemoveId = null;
    }

    /** Deletes the adapter awaiting confirmation; returns whether it was deleted. */
    async confirmRemove(): Promise<boolean> {
        const adapterId = this.confirmingRemoveId;
        this.confirmingRemoveId = null;
        if (!adapterId) return false;
        return this.#change(() => this.#api.adapters.remove({ adapterId }));
    }

    async #change(call: () => Promise<Result<AdapterInfo[]>>): Promise<boolean> {
        this.busy = true;
        try {
            const result = await call();
            if (!result.ok) {
                this.adapterProblem = result.error.message;
                return false;
            }
            this.applyAdapters(result.value);
            return true;
        } finally {
            this.busy = false;
        }
    }
}
