import type { Engine } from "./Engine.js";
import { Mutex } from "./Mutex.js";
import { RankingModel } from "./RankingModel.js";

/** Where the reranker the person chose lives: its model-list id and path, or null for no reranking. */
export type RerankerChoice = () => { modelId: string; path: string } | null;

/** The reranker to use for a question, or why there is none although one was chosen. */
export type RerankerState = { model: RankingModel } | { model: null; problem: string | null };

/**
 * The optional reranker: loaded on the first library question after it is chosen, disposed when the
 * choice changes. A reranker that fails to load does not stop questions: they are answered without
 * reranking, with the reason (tried again only after the choice changes).
 */
export class RerankerProvider {
    #loaded: { modelId: string; model: RankingModel } | null = null;
    #failed: { modelId: string; problem: string } | null = null;
    readonly #lock = new Mutex();

    constructor(
        private readonly engine: Engine,
        private readonly choice: RerankerChoice
    ) {}

    /** The model-list id of the reranker in memory, or null. */
    get loadedModelId(): string | null {
        return this.#loaded?.modelId ?? null;
    }

    get(): Promise<RerankerState> {
        return this.#lock.run(async () => {
            const wanted = this.choice();
            if (wanted?.modelId !== this.#loaded?.modelId) await this.#unload();
            if (wanted == null) return { model: null, problem: null };
            if (this.#loaded != null) return { model: this.#loaded.model };
            if (this.#failed?.modelId === wanted.modelId) return { model: null, problem: this.#failed.problem };
            try {
                const model = await RankingModel.load(await this.engine.llama(), wanted.path, { threads: Math.max(1, this.engine.threads) });
                this.#loaded = { modelId: wanted.modelId, model };
                this.#failed = null;
                return { model };
            } catch (error) {
                const problem = `Answered without reranking: the reranker could not be loaded. ${error instanceof Error ? error.message : String(error)}`;
                this.#failed = { modelId: wanted.modelId, problem };
                return { model: null, problem };
            }
        });
    }

    /** Frees the reranker if it is no longer the one chosen (called when settings change). */
    release(): Promise<void> {
        return this.#lock.run(async () => {
            const wanted = this.choice();
            if (this.#failed?.modelId !== wanted?.modelId) this.#failed = null;
            if (this.#loaded != null && this.#loaded.modelId !== wanted?.modelId) await this.#unload();
        });
    }

    dispose(): Promise<void> {
        return this.#lock.run(() => this.#unload());
    }

    async #unload(): Promise<void> {
        const loaded = this.#loaded;
        this.#loaded = null;
        await loaded?.model.dispose();
    }
}
