import type { LocusApi } from "@common/contract";
import type { ChatChoice, LatencyPreference, Recommendation, TaskDifficulty } from "@common/setup/types.js";
import type { ModelsState } from "../ModelsState.svelte.js";
import type { DownloadsState } from "./DownloadsState.svelte.js";
import type { KeyValueStore } from "./keyValueStore.js";
import type { SettingsState } from "./SettingsState.svelte.js";
import type { SetupInfoState } from "./SetupInfoState.svelte.js";
import { choicesFromRecommendation, type SetupGoals } from "./setupChoices.js";
import { wizardSteps, type WizardStep } from "./wizardSteps.js";

export type WizardDeps = {
    api: LocusApi;
    info: SetupInfoState;
    downloads: DownloadsState;
    settings: SettingsState;
    models: ModelsState;
    store: KeyValueStore;
};

/** A file the chosen setup needs on this computer. */
export type DownloadTarget = {
    role: "chat" | "embedding";
    catalogId: string;
    quant: string;
    displayName: string;
    sizeBytes: number;
    /** Its id in the model list once it is on this computer. */
    installedModelId: string | null;
};

const dismissedKey = "locus.setupWizard.dismissed";

/** The setup wizard: the steps, the person's answers, the recommendation and the pick, and what happens at the end. */
export class WizardState {
    open = $state(false);
    stepIndex = $state(0);
    difficulty = $state<TaskDifficulty | null>(null);
    budgetMinutes = $state(0);
    latency = $state<LatencyPreference>("balanced");
    recommendation = $state<Recommendation | null>(null);
    /** 0: the recommended chat model; 1 and up: an alternative. */
    picked = $state(0);
    busy = $state(false);
    /** What went wrong on this step, in the services' words. */
    problem = $state<string | null>(null);
    /** The person already has a GGUF file: the download step shows the add-model form instead. */
    usingLocalFile = $state(false);

    readonly step: WizardStep = $derived(wizardSteps[this.stepIndex] ?? "hardware");
    readonly goals: SetupGoals | null = $derived(
        this.difficulty === null ? null : { difficulty: this.difficulty, learningBudgetMinutes: this.budgetMinutes, latency: this.latency }
    );
    readonly choices: ChatChoice[] = $derived(
        this.recommendation ? [this.recommendation.chat, ...this.recommendation.alternatives.map((alternative) => alternative.chat)] : []
    );
    readonly pickedChat: ChatChoice | null = $derived(this.choices[this.picked] ?? this.choices[0] ?? null);
    readonly downloadTargets: DownloadTarget[] = $derived(this.#targets());
    /** The model to load when the person starts chatting: the one just set up, else the newest they added. */
    readonly readyModelId: string | null = $derived(this.#readyModelId());
    /** Why Next cannot be pressed yet, or null. */
    readonly blocker: string | null = $derived(
        this.step === "goals" && this.difficulty === null
            ? "Choose what you want to do first."
            : this.step === "choice" && this.pickedChat === null
                ? "There is no recommendation to use yet."
                : null
    );

    readonly #deps: WizardDeps;
    #recommendedFor: string | null = null;
    #firstRunChecked = false;

    constructor(deps: WizardDeps) {
        this.#deps = deps;
    }

    get dismissed(): boolean {
        return this.#deps.store.get(dismissedKey) === "1";
    }

    /** Opens once per session when nothing has been set up yet and the person has not closed it before. */
    openOnFirstRun(modelCount: number): void {
        if (this.#firstRunChecked) return;
        this.#firstRunChecked = true;
        if (modelCount === 0 && !this.dismissed) this.show();
    }

    show(): void {
        const goals = this.#deps.settings.choices?.goals;
        if (goals && this.difficulty === null) {
            this.difficulty = goals.difficulty;
            this.budgetMinutes = goals.learningBudgetMinutes;
            this.latency = goals.latency;
        }
        this.stepIndex = 0;
        this.problem = null;
        this.usingLocalFile = false;
        this.open = true;
        void this.#deps.info.loadHardware();
        void this.#deps.info.loadCatalog();
    }

    /** Closes the wizard and remembers it, so it does not open by itself again. */
    dismiss(): void {
        this.open = false;
        this.#deps.store.set(dismissedKey, "1");
    }

    back(): void {
        if (this.stepIndex === 0 || this.busy) return;
        this.stepIndex--;
        this.problem = null;
    }

    pick(index: number): void {
        if (index >= 0 && index < this.choices.length) this.picked = index;
    }

    async next(): Promise<void> {
        if (this.busy || this.blocker !== null) return;
        this.busy = true;
        this.problem = null;
        try {
            await this.#advance();
        } finally {
            this.busy = false;
        }
    }

    /** Files of the chosen setup that are neither on this computer nor on their way. */
    get pendingDownloads(): DownloadTarget[] {
        return this.downloadTargets.filter((target) => {
            if (target.installedModelId !== null) return false;
            const job = this.#deps.downloads.jobFor(target.catalogId, target.quant);
            return !job || job.state === "failed" || job.state === "cancelled";
        });
    }

    async startDownloads(): Promise<void> {
        for (const target of this.downloadTargets) {
            if (target.installedModelId === null) await this.#deps.downloads.start(target.catalogId, target.quant);
        }
    }

    async #advance(): Promise<void> {
        switch (this.step) {
            case "hardware":
                this.stepIndex++;
                return;
            case "goals":
                if (await this.#recommend()) this.stepIndex++;
                return;
            case "choice": {
                const recommendation = this.recommendation;
                const chat = this.pickedChat;
                if (!recommendation || !chat) return;
                const problem = await this.#deps.settings.save(choicesFromRecommendation(recommendation, chat, this.goals));
                if (problem !== null) {
                    this.problem = problem;
                    return;
                }
                // Downloads wait for the person's go-ahead: gigabytes matter on a metered connection.
                this.stepIndex++;
                return;
            }
            case "download":
                this.stepIndex++;
                return;
            case "ready": {
                const modelId = this.readyModelId;
                this.dismiss();
                const { models } = this.#deps;
                if (modelId !== null && models.status.modelId !== modelId) await models.load(modelId);
            }
        }
    }

    async #recommend(): Promise<boolean> {
        const goals = this.goals;
        if (!goals) return false;
        const key = JSON.stringify(goals);
        if (this.recommendation && key === this.#recommendedFor) return true;
        const result = await this.#deps.api.setup.recommend(goals);
        if (!result.ok) {
            this.problem = result.error.message;
            return false;
        }
        this.recommendation = result.value;
        this.#recommendedFor = key;
        this.picked = 0;
        return true;
    }

    #targets(): DownloadTarget[] {
        const recommendation = this.recommendation;
        const chat = this.pickedChat;
        if (!recommendation || !chat) return [];
        const { embedding } = recommendation;
        const target = (role: DownloadTarget["role"], catalogId: string, quant: string, displayName: string, sizeBytes: number): DownloadTarget => {
            const job = this.#deps.downloads.jobFor(catalogId, quant);
            const installedModelId = this.#deps.info.file(catalogId, quant)?.installedModelId
                ?? (job?.state === "done" ? job.modelId : null);
            return { role, catalogId, quant, displayName, sizeBytes, installedModelId };
        };
        return [
            target("chat", chat.modelId, chat.quant, chat.displayName, chat.sizeBytes),
            target("embedding", embedding.modelId, embedding.quant, embedding.displayName, embedding.sizeBytes)
        ];
    }

    #readyModelId(): string | null {
        const chat = this.downloadTargets.find((target) => target.role === "chat");
        if (chat?.installedModelId) return chat.installedModelId;
        const newest = [...this.#deps.models.items].sort((a, b) => b.addedAt - a.addedAt)[0];
        return newest?.id ?? null;
    }
}
