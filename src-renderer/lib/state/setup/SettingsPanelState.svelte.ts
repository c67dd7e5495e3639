import { BackupsState } from "./BackupsState.svelte.js";
import { DocumentLimitsEditor } from "./DocumentLimitsEditor.svelte.js";
import type { CatalogListing, LocusApi } from "@common/contract";
import { ApiAccessState } from "../api/ApiAccessState.svelte.js";
import { RemoteEngineState } from "../remote/RemoteEngineState.svelte.js";
import type { FitResult } from "@common/setup/types.js";
import { isTooLarge } from "../../format/index.js";
import type { LibraryState } from "../library/index.js";
import type { ModelsState } from "../ModelsState.svelte.js";
import { EmbeddingModelPicker } from "./EmbeddingModelPicker.svelte.js";
import { RerankerPicker } from "./RerankerPicker.svelte.js";
import { contextOptions } from "./contextOptions.js";
import type { SettingsState } from "./SettingsState.svelte.js";
import type { SetupInfoState } from "./SetupInfoState.svelte.js";
import { choicesFromRecommendation, type LearningChoice, type ModelRef, type SetupChoices, type SetupGoals } from "./setupChoices.js";

/** A choice labelled "too large for this computer", waiting for the person to confirm it. */
export type PendingChoice =
    | { kind: "model"; catalogId: string; quant: string; fit: FitResult }
    | { kind: "quant"; quant: string; fit: FitResult }
    | { kind: "context"; contextSize: number; fit: FitResult };

export const loraRanks = [4, 8, 16, 32] as const;
export const loraBudgets = [10, 30, 60, 120, 240] as const;

/** The answers Settings starts from when the wizard was never finished. */
const defaultGoals: SetupGoals = { difficulty: "find-facts", learningBudgetMinutes: 0, latency: "balanced" };

/**
 * The Settings panel: a draft of every setup choice, the live fit of the chosen chat model for this
 * computer, and confirmation before anything too large is chosen. Nothing is kept until `save`.
 */
export class SettingsPanelState {
    readonly #api: LocusApi;
    readonly #info: SetupInfoState;
    readonly #settings: SettingsState;
    #goals: SetupGoals | null = null;
    #fitTicket = 0;
    #catalogTicket = 0;
    #contextTicket = 0;

    open = $state(false);
    loading = $state(false);
    problem = $state<string | null>(null);

    chat = $state<ModelRef | null>(null);
    contextSize = $state(4096);
    threads = $state(1);
    embedding = $state<ModelRef | null>(null);
    learningMethod = $state<LearningChoice["method"]>("rag");
    loraRank = $state(8);
    loraBudgetMinutes = $state(30);

    /** The catalog, each quantization's fit worked out at the draft context size. */
    catalog = $state.raw<CatalogListing[]>([]);
    /** The fit of the draft chat model, quantization and context. */
    fit = $state.raw<FitResult | null>(null);
    /** The fit at each offered context size, for the draft model and quantization. */
    contextFits = $state.raw<Record<number, FitResult>>({});
    pending = $state.raw<PendingChoice | null>(null);
    /** The draft chat file's header is being read from the model hub, at the person's request. */
    readingHub = $state(false);
    /** Why the hub gave no header (offline, not answering): the figures stay the catalog's. */
    hubProblem = $state<string | null>(null);
    saving = $state(false);
    /** Why main would not keep the choices, shown by the Save button. */
    saveProblem = $state<string | null>(null);
    /** The model list entry documents are indexed with; applied as soon as it is picked. */
    readonly embeddingPicker: EmbeddingModelPicker;
    /** The optional reranker; applied as soon as it is picked. */
    readonly rerankerPicker: RerankerPicker;
    /** The local API for other apps; each change applies at once. */
    readonly apiAccess: ApiAccessState;
    /** This computer or a remote server writes the answers; applied by its own buttons. */
    readonly remoteEngine: RemoteEngineState;
    /** Per-document limits of the parser; applied on their own button. */
    readonly documentLimits: DocumentLimitsEditor;
    /** Backups of the library; a restore happens as Locus restarts. */
    readonly backups: BackupsState;

    readonly chatModels = $derived(this.catalog.filter((model) => model.kind === "chat"));
    readonly embeddingModels = $derived(this.catalog.filter((model) => model.kind === "embedding"));
    readonly model = $derived(this.catalog.find((model) => model.id === this.chat?.catalogId));
    readonly contextSizes = $derived(contextOptions(this.model?.contextLength ?? null, this.contextSize));
    /** The list entry that is the catalog embedding file chosen above, once it is on this computer. */
    readonly chosenEmbeddingInstalledId: string | null = $derived(this.#installedEmbeddingId());

    /** Threads never exceed the math cores: oversubscribing them makes answers slower. */
    get maxThreads(): number {
        return Math.max(1, this.#info.hardware?.cpu.mathCores ?? this.threads);
    }

    constructor(api: LocusApi, info: SetupInfoState, settings: SettingsState, models: ModelsState, library: LibraryState) {
        this.#api = api;
        this.#info = info;
        this.#settings = settings;
        this.embeddingPicker = new EmbeddingModelPicker(settings, models, library);
        this.rerankerPicker = new RerankerPicker(settings, models);
        this.apiAccess = new ApiAccessState(api);
        this.remoteEngine = new RemoteEngineState(api);
        this.documentLimits = new DocumentLimitsEditor(settings);
        this.backups = new BackupsState(api);
    }

    async show(): Promise<void> {
        this.open = true;
        this.problem = null;
        this.pending = null;
        this.saveProblem = null;
        this.hubProblem = null;
        this.loading = true;
        try {
            const [mainProblem] = await Promise.all([this.#settings.loadMain(), this.#info.loadHardware()]);
            if (mainProblem !== null) this.problem = mainProblem;
            this.embeddingPicker.reset();
            this.rerankerPicker.reset();
            void this.apiAccess.load();
            void this.remoteEngine.load();
            this.documentLimits.reset();
            void this.backups.load();
            const choices = this.#settings.choices ?? (await this.#recommended());
            if (choices) this.#take(choices);
            // The context sizes offered depend on the model's maximum, which comes with the catalog.
            await this.#refreshCatalog();
            await Promise.all([this.#refreshFit(), this.#refreshContextFits()]);
        } finally {
            this.loading = false;
        }
    }

    close(): void {
        this.open = false;
        this.pending = null;
    }

    /** Whether any file of a model fits this computer at the draft context size. */
    modelFits(model: CatalogListing): boolean {
        return model.quants.some((listing) => !isTooLarge(listing.fit.label));
    }

    chooseModel(catalogId: string): void {
        const model = this.catalog.find((item) => item.id === catalogId);
        if (!model || model.id === this.chat?.catalogId) return;
        const same = model.quants.find((listing) => listing.quant === this.chat?.quant && !isTooLarge(listing.fit.label));
        const listing = same ?? model.quants.find((item) => !isTooLarge(item.fit.label)) ?? model.quants[0];
        if (!listing) return;
        if (isTooLarge(listing.fit.label)) this.pending = { kind: "model", catalogId, quant: listing.quant, fit: listing.fit };
        else this.#applyModel(catalogId, listing.quant);
    }

    chooseQuant(quant: string): void {
        const listing = this.model?.quants.find((item) => item.quant === quant);
        if (!listing || !this.chat || quant === this.chat.quant) return;
        if (isTooLarge(listing.fit.label)) this.pending = { kind: "quant", quant, fit: listing.fit };
        else this.#applyQuant(quant);
    }

    chooseContext(contextSize: number): void {
        if (contextSize === this.contextSize) return;
        const fit = this.contextFits[contextSize];
        if (fit && isTooLarge(fit.label)) this.pending = { kind: "context", contextSize, fit };
        else this.#applyContext(contextSize);
    }

    confirmPending(): void {
        const pending = this.pending;
        this.pending = null;
        if (pending?.kind === "model") this.#applyModel(pending.catalogId, pending.quant);
        else if (pending?.kind === "quant") this.#applyQuant(pending.quant);
        else if (pending?.kind === "context") this.#applyContext(pending.contextSize);
    }

    cancelPending(): void {
        this.pending = null;
    }

    /**
     * The person asked for the exact figures: the draft chat file's header is read from the model hub (the
     * only time Settings contacts it), then every fit of that file comes from the header, kept on this computer.
     */
    async readExactFit(): Promise<void> {
        const chat = this.chat;
        if (!chat || this.readingHub) return;
        const ticket = ++this.#fitTicket;
        this.readingHub = true;
        this.hubProblem = null;
        try {
            const result = await this.#api.setup.fit({ catalogId: chat.catalogId, quant: chat.quant, contextSize: this.contextSize, online: true });
            if (!result.ok) this.problem = result.error.message;
            else if (ticket === this.#fitTicket) {
                this.fit = result.value;
                if (result.value.method === "catalog-estimate")
                    this.hubProblem = "The model hub could not be reached or did not answer in time: these figures are still the catalog's.";
            }
            await Promise.all([this.#refreshContextFits(), this.#refreshCatalog()]);
        } finally {
            this.readingHub = false;
        }
    }

    chooseEmbedding(catalogId: string, quant: string): void {
        this.embedding = { catalogId, quant };
    }

    /**
     * Keeps the draft as the person's choices and applies what main acts on; the panel closes unless
     * main objected. Returns false when there was nothing complete to keep or main objected.
     */
    async save(): Promise<boolean> {
        if (!this.chat || !this.embedding || this.saving) return false;
        const learning: LearningChoice = this.learningMethod === "rag"
            ? { method: "rag" }
            : { method: "rag+lora", rank: this.loraRank, budgetMinutes: this.loraBudgetMinutes };
        const choices: SetupChoices = {
            chat: { ...this.chat },
            contextSize: this.contextSize,
            threads: Math.min(this.threads, this.maxThreads),
            embedding: { ...this.embedding },
            learning,
            goals: this.#goals
        };
        this.saving = true;
        this.saveProblem = null;
        try {
            this.saveProblem = await this.#settings.save(choices);
            this.embeddingPicker.sync();
            // A model picked from the list but not applied yet is part of what Save keeps; it wins over the catalog file.
            if (this.saveProblem === null && this.embeddingPicker.changed) await this.embeddingPicker.apply();
        } finally {
            this.saving = false;
        }
        if (this.saveProblem !== null || this.embeddingPicker.problem !== null) return false;
        this.close();
        return true;
    }

    #installedEmbeddingId(): string | null {
        const embedding = this.embedding;
        if (!embedding) return null;
        const model = this.catalog.find((item) => item.id === embedding.catalogId);
        return model?.quants.find((listing) => listing.quant === embedding.quant)?.installedModelId ?? null;
    }

    #take(choices: SetupChoices): void {
        this.chat = { ...choices.chat };
        this.contextSize = choices.contextSize;
        this.threads = choices.threads;
        this.embedding = { ...choices.embedding };
        this.learningMethod = choices.learning.method;
        if (choices.learning.method === "rag+lora") {
            this.loraRank = choices.learning.rank;
            this.loraBudgetMinutes = choices.learning.budgetMinutes;
        }
        this.#goals = choices.goals;
    }

    async #recommended(): Promise<SetupChoices | null> {
        const result = await this.#api.setup.recommend(defaultGoals);
        if (!result.ok) {
            this.problem = result.error.message;
            return null;
        }
        return choicesFromRecommendation(result.value, result.value.chat, null);
    }

    #applyModel(catalogId: string, quant: string): void {
        this.chat = { catalogId, quant };
        this.hubProblem = null;
        const maximum = this.catalog.find((model) => model.id === catalogId)?.contextLength;
        if (maximum != null && this.contextSize > maximum) this.contextSize = maximum;
        void this.#refreshFit();
        void this.#refreshContextFits();
    }

    #applyQuant(quant: string): void {
        if (!this.chat) return;
        this.chat = { ...this.chat, quant };
        this.hubProblem = null;
        void this.#refreshFit();
        void this.#refreshContextFits();
    }

    #applyContext(contextSize: number): void {
        this.contextSize = contextSize;
        void this.#refreshFit();
        void this.#refreshCatalog();
    }

    async #refreshCatalog(): Promise<void> {
        const ticket = ++this.#catalogTicket;
        const result = await this.#api.setup.catalog({ contextSize: this.contextSize });
        if (ticket !== this.#catalogTicket) return;
        if (result.ok) this.catalog = result.value;
        else this.problem = result.error.message;
    }

    async #refreshFit(): Promise<void> {
        const chat = this.chat;
        if (!chat) return;
        const ticket = ++this.#fitTicket;
        const result = await this.#api.setup.fit({ catalogId: chat.catalogId, quant: chat.quant, contextSize: this.contextSize });
        if (ticket !== this.#fitTicket) return;
        if (result.ok) this.fit = result.value;
        else this.problem = result.error.message;
    }

    async #refreshContextFits(): Promise<void> {
        const chat = this.chat;
        if (!chat) return;
        const ticket = ++this.#contextTicket;
        const sizes = this.contextSizes;
        const results = await Promise.all(
            sizes.map((contextSize) => this.#api.setup.fit({ catalogId: chat.catalogId, quant: chat.quant, contextSize }))
        );
        if (ticket !== this.#contextTicket) return;
        const fits: Record<number, FitResult> = {};
        results.forEach((result, index) => {
            const size = sizes[index];
            if (result.ok && size !== undefined) fits[size] = result.value;
        });
        this.contextFits = fits;
    }
}
