import type { DownloadJob, LocusApi, Settings } from "@common/contract";
import type { KeyValueStore } from "./keyValueStore.js";
import { mainSettingsPatch, type SettingsPatch } from "./mainSettingsPatch.js";
import type { SetupInfoState } from "./SetupInfoState.svelte.js";
import { parseSetupChoices, type SetupChoices } from "./setupChoices.js";

/** Where the person's choices are kept on this computer (the browser's storage). */
export interface SettingsStorage {
    load(): SetupChoices | null;
    save(choices: SetupChoices): void;
}

const settingsKey = "locus.settings.v1";

export function localSettingsStorage(store: KeyValueStore): SettingsStorage {
    return {
        load() {
            const text = store.get(settingsKey);
            if (text === null) return null;
            try {
                return parseSetupChoices(JSON.parse(text));
            } catch {
                return null;
            }
        },
        save: (choices) => store.set(settingsKey, JSON.stringify(choices))
    };
}

/**
 * The person's setup choices (model, compression, context, threads, embedding, learning), kept
 * between sessions in the renderer, and the part main acts on (context, threads, the embedding
 * model for documents) applied there too.
 */
export class SettingsState {
    choices = $state<SetupChoices | null>(null);
    /** Main's settings as last read or written; null until read. */
    main = $state<Settings | null>(null);

    readonly #storage: SettingsStorage;
    readonly #api: LocusApi;
    readonly #info: SetupInfoState;

    constructor(storage: SettingsStorage, api: LocusApi, info: SetupInfoState) {
        this.#storage = storage;
        this.#api = api;
        this.#info = info;
        this.choices = storage.load();
    }

    /** Reads main's settings; returns the problem in words, or null. */
    async loadMain(): Promise<string | null> {
        const result = await this.#api.settings.get({});
        if (!result.ok) return result.error.message;
        this.main = result.value;
        return null;
    }

    /** Keeps the choices and applies to main what it understands; returns main's objection in words, or null. */
    async save(choices: SetupChoices): Promise<string | null> {
        const previous = this.choices;
        this.choices = choices;
        this.#storage.save(choices);
        if (this.main === null) await this.loadMain();
        const patch = mainSettingsPatch(choices, previous, this.main, await this.#installedId(choices));
        return this.#update(patch);
    }

    /** Picks a model from the model list (a download or an imported file) to index documents with. */
    async chooseEmbeddingModel(modelId: string | null): Promise<string | null> {
        if (modelId === (this.main?.embeddingModelId ?? null)) return null;
        return this.#update({ embeddingModelId: modelId });
    }

    /** Chooses the reranker (null: none); returns main's objection, or null. */
    async chooseReranker(modelId: string | null): Promise<string | null> {
        if (modelId === (this.main?.rerankerModelId ?? null)) return null;
        return this.#update({ rerankerModelId: modelId });
    }

    /**
     * A download finished: when it is the embedding file chosen and main has no embedding model yet,
     * it becomes the one documents are indexed with. Returns main's objection, or null.
     */
    async applyDownloaded(job: DownloadJob): Promise<string | null> {
        const embedding = this.choices?.embedding;
        if (job.state !== "done" || job.modelId === null || !embedding) return null;
        if (job.catalogId !== embedding.catalogId || job.quant !== embedding.quant) return null;
        if (this.main === null) await this.loadMain();
        if (this.main === null || this.main.embeddingModelId !== null) return null;
        return this.#update({ embeddingModelId: job.modelId });
    }

    /** Applies settings main keeps on its own (e.g. document limits); returns main's objection, or null. */
    updateMain(patch: SettingsPatch): Promise<string | null> {
        return this.#update(patch);
    }

    async #installedId(choices: SetupChoices): Promise<string | null> {
        const { catalogId, quant } = choices.embedding;
        if (this.#info.catalog.length === 0) await this.#info.loadCatalog();
        return this.#info.file(catalogId, quant)?.installedModelId ?? null;
    }

    async #update(patch: SettingsPatch): Promise<string | null> {
        const result = await this.#api.settings.update(patch);
        if (!result.ok) return result.error.message;
        this.main = result.value;
        return null;
    }
}
