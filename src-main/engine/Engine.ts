import {
    getLlama, LlamaLogLevel, resolveChatWrapper,
    type Llama, type LlamaContext, type LlamaContextSequence, type LlamaModel
} from "node-llama-cpp";
import type { EngineStatus } from "@common/contract/types.js";
import { BadModelFileError, NoModelLoadedError } from "@common/errors.js";
import { fingerprintModelFile } from "../trainer/adapter/fingerprintModelFile.js";
import { checkAdapterBase } from "./checkAdapterBase.js";
import type { EngineAdapter } from "./EngineAdapter.js";
import { inspectModelFile, type ModelFileReport } from "./inspectModelFile.js";
import { chooseThreads } from "./chooseThreads.js";
import { mmapFor } from "./mmapFor.js";
import { Mutex } from "./Mutex.js";

export type EngineOptions = {
    /** Requested llama.cpp threads; clamped to the CPU's math cores. Default: all math cores. */
    threads?: number;
    /** `false` forces CPU; `"auto"` lets node-llama-cpp pick a GPU backend if one works. */
    gpu: "auto" | false;
    /** Upper bound for the chat context; the model's training context caps it further. */
    contextSize: number;
    batchSize?: number;
};

type Loaded = {
    modelId: string; report: ModelFileReport; model: LlamaModel; context: LlamaContext;
    /** The adapter the context applies, if any. */
    adapter: EngineAdapter | null;
    /** Of the model file, computed when an adapter is first checked against it. */
    fingerprint: string | null;
};
type StatusListener = (status: EngineStatus) => void;
type UnloadHook = () => Promise<void> | void;

/**
 * The one llama.cpp engine in the process. Loads run under a lock and the old model is disposed
 * before the next loads, so two models never compete for memory.
 */
export class Engine {
    #llama: Promise<Llama> | null = null;
    #llamaReady: Llama | null = null;
    #loaded: Loaded | null = null;
    #status: EngineStatus;
    /** The adapter chat should use; applied whenever the loaded model is the one it was trained on. */
    #adapter: EngineAdapter | null = null;
    /** While a training run takes most cores, the engine's share of them. */
    #threadLimit: number | null = null;
    readonly #lock = new Mutex();
    readonly #statusListeners = new Set<StatusListener>();
    readonly #unloadHooks = new Set<UnloadHook>();

    constructor(private readonly options: EngineOptions) {
        this.#status = {
            state: "idle", modelId: null, loadProgress: 0, threads: options.threads ?? 0,
            contextSize: null, chatWrapper: null, error: null, adapter: null, adapterNote: null
        };
    }

    get status(): EngineStatus {
        return this.#status;
    }

    /** Threads every context uses, known once the Llama instance has probed the CPU. */
    get threads(): number {
        return this.#status.threads;
    }

    llama(): Promise<Llama> {
        this.#llama ??= (async () => {
            // No build and no download at run time: Locus uses the binaries it shipped with, offline.
            const llama = await getLlama({
                gpu: this.options.gpu, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error
            });
            const threads = chooseThreads(llama.cpuMathCores, this.options.threads);
            llama.maxThreads = this.#maxThreads(threads);
            this.#llamaReady = llama;
            this.#setStatus({ threads });
            return llama;
        })();
        return this.#llama;
    }

    onStatus(listener: StatusListener): () => void {
        this.#statusListeners.add(listener);
        return () => this.#statusListeners.delete(listener);
    }

    /** Called before a model is unloaded or its context replaced, so users of the context (chat sessions) stop first. */
    onBeforeUnload(hook: UnloadHook): () => void {
        this.#unloadHooks.add(hook);
        return () => this.#unloadHooks.delete(hook);
    }

    /** New context size or threads; they apply from the next model load. */
    configure(patch: { contextSize?: number; threads?: number | null }): void {
        if (patch.contextSize != null) this.options.contextSize = patch.contextSize;
        if (patch.threads !== undefined) {
            const llama = this.#llamaReady;
            this.options.threads = patch.threads ?? undefined;
            if (llama != null) {
                const threads = chooseThreads(llama.cpuMathCores, this.options.threads);
                llama.maxThreads = this.#maxThreads(threads);
                this.#setStatus({ threads });
            }
        }
    }

    /**
     * Caps the threads all of this engine's contexts use together (chat, embeddings), or lifts the cap
     * (null). A training run in another process takes the other cores meanwhile: the total must never
     * exceed them. Running contexts adapt from their next batch; nothing is reloaded.
     */
    limitThreads(limit: number | null): void {
        this.#threadLimit = limit == null ? null : Math.max(1, Math.floor(limit));
        const llama = this.#llamaReady;
        if (llama != null) llama.maxThreads = this.#maxThreads(this.threads);
    }

    /**
     * Chat applies this LoRA adapter (or none). When a model is loaded the adapter is checked against it
     * first and refused (BadModelFileError, nothing changes) if it was trained on another model; then the
     * context is recreated with it, the model staying loaded. Without a model it waits for its base to load.
     */
    setAdapter(adapter: EngineAdapter | null, options: { refuseOtherBase?: boolean } = {}): Promise<EngineStatus> {
        return this.#lock.run(async () => {
            const loaded = this.#loaded;
            if (loaded == null) {
                this.#adapter = adapter;
                return this.#status;
            }
            if (adapter != null) {
                const check = await checkAdapterBase(adapter, loaded.report.path, await this.#fingerprint(loaded));
                if (!check.ok && options.refuseOtherBase !== false) throw new BadModelFileError(check.reason);
                if (!check.ok) {
                    // Kept for when its base model loads; the loaded model runs without an adapter.
                    this.#adapter = adapter;
                    if (loaded.adapter != null) await this.#replaceContext(loaded, null);
                    this.#setStatus({ adapter: null, adapterNote: check.reason });
                    return this.#status;
                }
            }
            this.#adapter = adapter;
            const current = loaded.adapter;
            // Same weights at the same scale (a rename): the context stays.
            if (current?.filePath === adapter?.filePath && current?.scale === adapter?.scale) {
                loaded.adapter = adapter;
                this.#setStatus({ adapter: adapterStatus(adapter), adapterNote: null });
                return this.#status;
            }
            try {
                await this.#replaceContext(loaded, adapter);
            } catch (error) {
                await this.#replaceContext(loaded, null);
                this.#setStatus({ adapter: null, adapterNote: `Chat runs without the adapter: it could not be applied (${describe(error)}).` });
                throw new BadModelFileError(`The adapter "${adapter?.name ?? ""}" could not be applied: ${describe(error)}`);
            }
            this.#setStatus({ adapter: adapterStatus(adapter), adapterNote: null });
            return this.#status;
        });
    }

    /** A new context for the loaded model (which stays loaded), after the users of the old one stopped. */
    async #replaceContext(loaded: Loaded, adapter: EngineAdapter | null): Promise<void> {
        for (const hook of this.#unloadHooks) await hook();
        if (!loaded.context.disposed) await loaded.context.dispose();
        loaded.adapter = null;
        loaded.context = await this.#createContext(loaded.model, loaded.report, adapter);
        loaded.adapter = adapter;
        this.#setStatus({ contextSize: loaded.context.contextSize });
    }

    inspect(filePath: string): Promise<ModelFileReport> {
        return this.llama().then((llama) => inspectModelFile(llama, filePath, { contextSize: this.options.contextSize }));
    }

    /** Checks the file, unloads the current model, then loads this one. A bad file leaves the old model loaded. */
    load(modelId: string, filePath: string): Promise<EngineStatus> {
        return this.#lock.run(async () => {
            const report = await this.inspect(filePath);
            if (report.role !== "chat")
                throw new BadModelFileError(
                    `${report.fileName} is ${report.role === "embedding" ? "an embedding" : "a reranking"} model: it can index documents but cannot chat. ` +
                    "Load a chat (instruct) model, and choose this file as the embedding model in Settings."
                );
            await this.#unloadNow();
            this.#setStatus({ state: "loading", modelId, loadProgress: 0, error: null });
            try {
                this.#loaded = await this.#loadNow(modelId, report);
            } catch (error) {
                const message = `Could not load ${report.fileName}: ${error instanceof Error ? error.message : String(error)}`;
                this.#setStatus({ state: "error", modelId: null, loadProgress: 0, error: message });
                throw error;
            }
            const wrapper = resolveChatWrapper(this.#loaded.model);
            this.#setStatus({
                state: "ready", modelId, loadProgress: 1, error: null,
                contextSize: this.#loaded.context.contextSize, chatWrapper: wrapper.wrapperName
            });
            return this.#status;
        });
    }

    unload(): Promise<EngineStatus> {
        return this.#lock.run(async () => {
            await this.#unloadNow();
            return this.#status;
        });
    }

    /** The loaded model and its context; throws when nothing is loaded. */
    requireLoaded(): { model: LlamaModel; context: LlamaContext; sequence: LlamaContextSequence; modelId: string; parameterCount: number } {
        const loaded = this.#loaded;
        if (loaded == null || this.#status.state !== "ready") throw new NoModelLoadedError();
        return {
            model: loaded.model, context: loaded.context, sequence: this.#sequence(loaded), modelId: loaded.modelId,
            parameterCount: loaded.report.parameterCount
        };
    }

    async dispose(): Promise<void> {
        await this.unload();
        const llama = await this.#llama?.catch(() => null);
        await llama?.dispose();
        this.#llama = null;
    }

    async #loadNow(modelId: string, report: ModelFileReport): Promise<Loaded> {
        const llama = await this.llama();
        let lastEmit = 0;
        const model = await llama.loadModel({
            modelPath: report.path,
            gpuLayers: this.options.gpu === false ? 0 : "auto",
            useMmap: mmapFor(llama, this.options.gpu),
            onLoadProgress: (progress) => {
                const now = Date.now();
                if (now - lastEmit < 100 && progress < 1) return;
                lastEmit = now;
                this.#setStatus({ loadProgress: progress });
            }
        });
        try {
            const adapter = this.#adapter;
            const fingerprint = adapter == null ? null : await fingerprintModelFile(report.path);
            const check = adapter == null || fingerprint == null ? null : await checkAdapterBase(adapter, report.path, fingerprint);
            const applied = check?.ok === true ? adapter : null;
            const context = await this.#createContext(model, report, applied);
            this.#setStatus({ adapter: adapterStatus(applied), adapterNote: check?.ok === false ? check.reason : null });
            return { modelId, report, model, context, adapter: applied, fingerprint };
        } catch (error) {
            await model.dispose();
            throw error;
        }
    }

    async #createContext(model: LlamaModel, report: ModelFileReport, adapter: EngineAdapter | null): Promise<LlamaContext> {
        const llama = await this.llama();
        const contextSize = Math.min(this.options.contextSize, report.trainContextSize ?? this.options.contextSize);
        // min 1: under a thread limit the context runs on fewer threads instead of waiting for all of them.
        // The ideal is clamped to maxThreads when the context is made, so it is made without the limit,
        // which then applies again: chat gets its full share back when the limit is lifted.
        llama.maxThreads = this.threads;
        try {
            return await model.createContext({
                contextSize, sequences: 1, threads: { ideal: this.threads, min: 1 },
                batchSize: Math.min(this.options.batchSize ?? 512, contextSize),
                ...(adapter == null ? {} : { lora: { adapters: [{ filePath: adapter.filePath, scale: adapter.scale }] } })
            });
        } finally {
            llama.maxThreads = this.#maxThreads(this.threads);
        }
    }

    async #fingerprint(loaded: Loaded): Promise<string> {
        loaded.fingerprint ??= await fingerprintModelFile(loaded.report.path);
        return loaded.fingerprint;
    }

    #maxThreads(threads: number): number {
        return this.#threadLimit == null ? threads : Math.min(threads, this.#threadLimit);
    }

    #sequenceCache = new WeakMap<LlamaContext, LlamaContextSequence>();
    #sequence(loaded: Loaded): LlamaContextSequence {
        let sequence = this.#sequenceCache.get(loaded.context);
        if (sequence == null) {
            sequence = loaded.context.getSequence();
            this.#sequenceCache.set(loaded.context, sequence);
        }
        return sequence;
    }

    async #unloadNow(): Promise<void> {
        const loaded = this.#loaded;
        if (loaded == null) return;
        for (const hook of this.#unloadHooks) await hook();
        this.#loaded = null;
        await loaded.context.dispose();
        await loaded.model.dispose();
        this.#setStatus({ state: "idle", modelId: null, loadProgress: 0, contextSize: null, chatWrapper: null, adapter: null, adapterNote: null });
    }

    #setStatus(patch: Partial<EngineStatus>): void {
        this.#status = { ...this.#status, ...patch };
        for (const listener of this.#statusListeners) listener(this.#status);
    }
}

function adapterStatus(adapter: EngineAdapter | null): EngineStatus["adapter"] {
    return adapter == null ? null : { id: adapter.id, name: adapter.name, scale: adapter.scale };
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
