import type { ModelInfo } from "@common/contract";
import type { ModelsState } from "../ModelsState.svelte.js";
import type { SettingsState } from "./SettingsState.svelte.js";

/**
 * "Reranker" in Settings: an optional reranking model from the person's list that reorders the passages
 * found for a library question. Applied by its own button, like the embedding model; main loads it at
 * the next library question and frees the old one at once.
 */
export class RerankerPicker {
    /** The reranker main holds, or null for none. */
    modelId = $state<string | null>(null);
    /** The model picked in the select, not applied yet. */
    draft = $state<string | null>(null);
    busy = $state(false);
    /** Main's answer to the last pick: why it refused, or null. */
    problem = $state<string | null>(null);
    saved = $state(false);

    /** Only rerankers can rerank; the rest of the list would only invite a refusal. */
    readonly models: ModelInfo[] = $derived(this.#rerankers());
    readonly changed = $derived(this.draft !== this.modelId);

    readonly #settings: SettingsState;
    readonly #models: ModelsState;

    constructor(settings: SettingsState, models: ModelsState) {
        this.#settings = settings;
        this.#models = models;
    }

    /** Shows what main holds now, with no message from an earlier visit. */
    reset(): void {
        this.modelId = this.#settings.main?.rerankerModelId ?? null;
        this.draft = this.modelId;
        this.problem = null;
        this.saved = false;
    }

    /** Applies the draft in main; on a refusal the select goes back to what main holds. */
    async apply(): Promise<void> {
        if (this.busy || !this.changed) return;
        this.busy = true;
        this.problem = null;
        this.saved = false;
        try {
            this.problem = await this.#settings.chooseReranker(this.draft);
            this.saved = this.problem === null;
        } finally {
            this.modelId = this.#settings.main?.rerankerModelId ?? null;
            this.draft = this.modelId;
            this.busy = false;
        }
    }

    #rerankers(): ModelInfo[] {
        return this.#models.items.filter((model) => model.role === "reranker");
    }
}
