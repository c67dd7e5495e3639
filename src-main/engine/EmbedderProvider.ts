import { Embedder } from "./Embedder.js";
import type { Engine } from "./Engine.js";
import { Mutex } from "./Mutex.js";

/** Where the embedding model the person chose lives: its model-list id and path, or null. */
export type EmbeddingModelChoice = () => { modelId: string; path: string } | null;

/**
 * The embedding model, loaded on first use and reloaded when the person picks another one. Shared by
 * ingestion and by query embedding, so the library and its queries always use the same model.
 */
export class EmbedderProvider {
    #loaded: { modelId: string; embedder: Embedder } | null = null;
    readonly #lock = new Mutex();

    constructor(
        private readonly engine: Engine,
        private readonly choice: EmbeddingModelChoice
    ) {}

    get(): Promise<Embedder | null> {
        return this.#lock.run(async () => {
            const wanted = this.choice();
            if (wanted == null) {
                await this.#unload();
                return null;
            }
            if (this.#loaded?.modelId === wanted.modelId) return this.#loaded.embedder;
            await this.#unload();
            const llama = await this.engine.llama();
            const embedder = await Embedder.load(llama, wanted.path, { threads: this.engine.threads });
            this.#loaded = { modelId: wanted.modelId, embedder };
            return embedder;
        });
    }

    /** The loaded embedder if any, without loading (query embedding must not stall on a model load). */
    peek(): Embedder | null {
        return this.#loaded?.embedder ?? null;
    }

    dispose(): Promise<void> {
        return this.#lock.run(() => this.#unload());
    }

    async #unload(): Promise<void> {
        const loaded = this.#loaded;
        this.#loaded = null;
        await loaded?.embedder.dispose();
    }
}
