import type { ModelInfo } from "@common/contract";
import type { LibraryState } from "../library/index.js";
import type { ModelsState } from "../ModelsState.svelte.js";
import type { SettingsState } from "./SettingsState.svelte.js";

const byName = (a: ModelInfo, b: ModelInfo) => a.displayName.localeCompare(b.displayName) || a.fileName.localeCompare(b.fileName);

/**
 * "Embedding model for documents" in Settings: a model from the person's list (a download or an
 * imported GGUF) that main indexes documents with. Applied by its own button rather than on every
 * change of the select, since each new embedding model means indexing every document again.
 */
export class EmbeddingModelPicker {
    /** The model main holds, or null for none. */
    modelId = $state<string | null>(null);
    /** The model picked in the select, not applied yet. */
    draft = $state<string | null>(null);
    busy = $state(false);
    /** Main's answer to the last pick: why it refused, or null. */
    problem = $state<string | null>(null);
    saved = $state(false);

    /** Every model in the list: main decides which can index documents and says why when one cannot. */
    readonly models: ModelInfo[] = $derived([...this.#items()].sort(byName));
    readonly changed = $derived(this.draft !== this.modelId);

    readonly #settings: SettingsState;
    readonly #models: ModelsState;
    readonly #library: LibraryState;

    constructor(settings: SettingsState, models: ModelsState, library: LibraryState) {
        this.#settings = settings;
        this.#models = models;
        this.#library = library;
    }

    /**
     * Why documents cannot be indexed now, as the library reports it (e.g. the chosen file is a chat
     * model): main may find out only when it loads the model, after the choice was kept.
     */
    get indexingProblem(): string | null {
        const progress = this.#library.progress;
        return progress.running ? null : progress.blockedReason;
    }

    /** Shows what main holds now, with no message from an earlier visit. */
    reset(): void {
        this.modelId = this.#settings.main?.embeddingModelId ?? null;
        this.draft = this.modelId;
        this.problem = null;
        this.saved = false;
    }

    /** Follows a change made elsewhere (Save applied the catalog choice). */
    sync(): void {
        const unchanged = !this.changed;
        this.modelId = this.#settings.main?.embeddingModelId ?? this.modelId;
        if (unchanged) this.draft = this.modelId;
    }

    /** Applies the draft in main; on a refusal the select goes back to what main holds. */
    async apply(): Promise<void> {
        if (this.busy || !this.changed) return;
        this.busy = true;
        this.problem = null;
        this.saved = false;
        try {
            this.problem = await this.#settings.chooseEmbeddingModel(this.draft);
            this.saved = this.problem === null;
        } finally {
            this.modelId = this.#settings.main?.embeddingModelId ?? null;
            this.draft = this.modelId;
            this.busy = false;
        }
    }

    #items(): ModelInfo[] {
        return this.#models.items;
    }
}
