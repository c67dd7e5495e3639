import type { EngineStatus, HostCapabilities, LocusApi, ModelInfo, Result } from "@common/contract";
import type { ErrorsState } from "./ErrorsState.svelte.js";

const idleStatus: EngineStatus = {
    state: "idle",
    modelId: null,
    loadProgress: 0,
    threads: 0,
    contextSize: null,
    chatWrapper: null,
    error: null
};

/** Added models, the engine's status, and the actions on them. */
export class ModelsState {
    items = $state<ModelInfo[]>([]);
    status = $state<EngineStatus>(idleStatus);
    capabilities = $state<HostCapabilities>({ nativeFileDialog: false, pathEntry: false });
    /** What the person typed in the browser host's path field. */
    pathDraft = $state("");
    adding = $state(false);

    readonly ready = $derived(this.status.state === "ready");
    readonly loading = $derived(this.status.state === "loading");
    readonly current = $derived(this.items.find((model) => model.id === this.status.modelId) ?? null);

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;

    constructor(api: LocusApi, errors: ErrorsState) {
        this.#api = api;
        this.#errors = errors;
    }

    /** Reads the list and the engine's status; returns whether the list could be read. */
    async refresh(): Promise<boolean> {
        const [models, status] = await Promise.all([this.#api.models.list({}), this.#api.models.status({})]);
        const items = this.#errors.unwrap(models);
        if (items) this.items = items;
        const current = this.#errors.unwrap(status);
        if (current) this.status = current;
        return items !== undefined;
    }

    /** The list as the services pushed it (a download finished, a file was imported or removed). */
    applyList(models: ModelInfo[]): void {
        this.items = models;
    }

    applyStatus(status: EngineStatus): void {
        this.status = status;
    }

    async addWithDialog(): Promise<void> {
        await this.#add(() => this.#api.models.addWithDialog({}));
    }

    async addFromPath(): Promise<void> {
        const path = this.pathDraft.trim();
        if (!path) return;
        const added = await this.#add(() => this.#api.models.addFromPath({ path }));
        if (added) this.pathDraft = "";
    }

    async load(modelId: string): Promise<void> {
        const status = this.#errors.unwrap(await this.#api.models.load({ modelId }));
        if (status) this.status = status;
    }

    async unload(): Promise<void> {
        const status = this.#errors.unwrap(await this.#api.models.unload({}));
        if (status) this.status = status;
    }

    async #add(call: () => Promise<Result<ModelInfo | null>>): Promise<ModelInfo | null> {
        if (this.adding) return null;
        this.adding = true;
        try {
            const model = this.#errors.unwrap(await call());
            if (!model) return null;
            this.items = [...this.items.filter((item) => item.id !== model.id), model];
            return model;
        } finally {
            this.adding = false;
        }
    }
}
