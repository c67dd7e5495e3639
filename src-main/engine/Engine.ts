import {
    getLlama, LlamaLogLevel, resolveChatWrapper,
    type Llama, type LlamaContext, type LlamaContextSequence, type LlamaModel
} from "node-llama-cpp";
import type { EngineStatus } from "@common/contract/types.js";
import { BadModelFileError, NoModelLoadedError } from "@common/errors.js";
import { inspectModelFile, type ModelFileReport } from "./inspectModelFile.js";
import { chooseThreads } from "./chooseThreads.js";
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

type Loaded = { modelId: string; report: ModelFileReport; model: LlamaModel; context: LlamaContext };
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
    readonly #lock = new Mutex();
    readonly #statusListeners = new Set<StatusListener>();
    readonly #unloadHooks = new Set<UnloadHook>();

    constructor(private readonly options: EngineOptions) {
        this.#status = {
            state: "idle", modelId: null, loadProgress: 0, threads: options.threads ?? 0,
            contextSize: null, chatWrapper: null, error: null
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
            llama.maxThreads = threads;
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

    /** Called before a model is unloaded, so users of its context (chat sessions) stop first. */
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
                llama.maxThreads = threads;
                this.#setStatus({ threads });
            }
        }
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
    requireLoaded(): { model: LlamaModel; context: LlamaContext; sequence: LlamaContextSequence; modelId: string } {
        const loaded = this.#loaded;
        if (loaded == null || this.#status.state !== "ready") throw new NoModelLoadedError();
        return { model: loaded.model, context: loaded.context, sequence: this.#sequence(loaded), modelId: loaded.modelId };
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
            onLoadProgress: (progress) => {
                const now = Date.now();
                if (now - lastEmit < 100 && progress < 1) return;
                lastEmit = now;
                this.#setStatus({ loadProgress: progress });
            }
        });
        try {
            const contextSize = Math.min(this.options.contextSize, report.trainContextSize ?? this.options.contextSize);
            const context = await model.createContext({
                contextSize, sequences: 1, threads: { ideal: this.threads, min: this.threads },
                batchSize: Math.min(this.options.batchSize ?? 512, contextSize)
            });
            return { modelId, report, model, context };
        } catch (error) {
            await model.dispose();
            throw error;
        }
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
        this.#setStatus({ state: "idle", modelId: null, loadProgress: 0, contextSize: null, chatWrapper: null });
    }

    #setStatus(patch: Partial<EngineStatus>): void {
        this.#status = { ...this.#status, ...patch };
        for (const listener of this.#statusListeners) listener(this.#status);
    }
}
