import type { EngineMode, LocusApi, RemoteEngineCheck, RemoteEngineInfo } from "@common/contract";

/**
 * Settings → Engine: answers written on this computer, or by an OpenAI-compatible server. The key field is
 * write-only: main says whether a key is stored, never what it is.
 */
export class RemoteEngineState {
    info = $state.raw<RemoteEngineInfo | null>(null);
    /** The choice being edited, applied by "Use this server" / "Use this computer". */
    modeDraft = $state<EngineMode>("local");
    baseUrlDraft = $state("");
    modelDraft = $state("");
    /** A new key typed by the person; empty keeps the stored one. */
    keyDraft = $state("");
    /** Embeddings from a server: a switch of its own (changing it re-indexes the library). */
    embeddingsDraft = $state(false);
    embeddingUrlDraft = $state("");
    embeddingModelDraft = $state("");
    embeddingKeyDraft = $state("");
    busy = $state(false);
    problem = $state<string | null>(null);
    check = $state.raw<RemoteEngineCheck | null>(null);
    saved = $state(false);

    readonly #api: LocusApi;

    constructor(api: LocusApi) {
        this.#api = api;
    }

    /** The server answers chat and library questions now. */
    get remote(): boolean {
        return this.info?.mode === "remote";
    }

    async load(): Promise<void> {
        const result = await this.#api.remote.get({});
        if (!result.ok) {
            this.problem = result.error.message;
            return;
        }
        this.#take(result.value);
        this.problem = null;
        this.check = null;
        this.saved = false;
    }

    /** Saves the address, model and (when typed) key, and switches to the server. */
    useServer(): Promise<void> {
        return this.#configure({
            mode: "remote", baseUrl: this.baseUrlDraft, model: this.modelDraft, ...(this.keyDraft.trim() !== "" ? { apiKey: this.keyDraft } : {})
        });
    }

    useThisComputer(): Promise<void> {
        return this.#configure({ mode: "local" });
    }

    /** Saves the embedding choice; the library is indexed again with the model now chosen. */
    saveEmbeddings(): Promise<void> {
        return this.#configure({
            remoteEmbeddings: this.embeddingsDraft, embeddingBaseUrl: this.embeddingUrlDraft, embeddingModel: this.embeddingModelDraft,
            ...(this.embeddingKeyDraft.trim() !== "" ? { embeddingApiKey: this.embeddingKeyDraft } : {})
        });
    }

    forgetKey(): Promise<void> {
        return this.#configure({ apiKey: null });
    }

    /** Saves the address and key as typed (without switching), then asks the server for its models. */
    async test(): Promise<void> {
        await this.#configure({ baseUrl: this.baseUrlDraft, model: this.modelDraft, ...(this.keyDraft.trim() !== "" ? { apiKey: this.keyDraft } : {}) });
        if (this.problem !== null) return;
        this.busy = true;
        try {
            const result = await this.#api.remote.check({});
            this.check = result.ok ? result.value : { ok: false, message: result.error.message, models: [] };
            if (this.check.ok && this.modelDraft.trim() === "" && this.check.models.length === 1) this.modelDraft = this.check.models[0]!;
        } finally {
            this.busy = false;
        }
    }

    async #configure(patch: {
        mode?: EngineMode; baseUrl?: string; model?: string; apiKey?: string | null;
        remoteEmbeddings?: boolean; embeddingBaseUrl?: string; embeddingModel?: string; embeddingApiKey?: string | null;
    }): Promise<void> {
        if (this.busy) return;
        this.busy = true;
        this.problem = null;
        this.saved = false;
        try {
            const result = await this.#api.remote.configure(patch);
            if (!result.ok) {
                this.problem = result.error.message;
                return;
            }
            this.#take(result.value);
            this.keyDraft = "";
            this.embeddingKeyDraft = "";
            this.saved = patch.mode !== undefined || patch.remoteEmbeddings !== undefined;
        } finally {
            this.busy = false;
        }
    }

    #take(info: RemoteEngineInfo): void {
        this.info = info;
        this.modeDraft = info.mode;
        this.baseUrlDraft = info.baseUrl;
        this.modelDraft = info.model;
        this.embeddingsDraft = info.remoteEmbeddings;
        this.embeddingUrlDraft = info.embeddingBaseUrl;
        this.embeddingModelDraft = info.embeddingModel;
    }
}
