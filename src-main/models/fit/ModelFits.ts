import type { Llama } from "node-llama-cpp";
import type { ModelFit } from "@common/contract/types.js";
import type { FitResult, HardwareProfile } from "@common/setup/types.js";
import { estimateFitFromGguf, type GgufFitRequest } from "../../recommend/fit/estimateFitFromGguf.js";
import { fitFailureReason } from "./fitFailureReason.js";

/** What a fit needs to know of a model in the list. */
export type FitSubject = { id: string; path: string; fileName: string; role: "chat" | "embedding" | "reranker" };

export type ModelFitsOptions = {
    /** This computer as the setup wizard sees it (probed, or the simulated one). */
    hardware: () => Promise<HardwareProfile>;
    /** The context size in settings: fits are worked out for it. */
    contextSize: () => number;
    /** The app's Llama: on this (probed) machine node-llama-cpp simulates the load with it, as the wizard does. */
    llama?: () => Promise<Llama>;
    /** Works out one fit from a GGUF header; node-llama-cpp's resolver, as in the wizard, by default. */
    estimate?: (request: GgufFitRequest) => Promise<FitResult>;
};

/**
 * The fit of each model in the list, from the file's own GGUF header, at the context size in settings,
 * on the wizard's hardware. Reading a header and resolving a configuration takes a second or more, so
 * `known` never waits: it answers from the cache and starts the work, one file at a time, calling the
 * `onSettled` listeners when a fit is ready. Fits are kept per model and context size (a failure too, so
 * a missing file is not read again on every listing) until the hardware is probed again.
 */
export class ModelFits {
    readonly #known = new Map<string, ModelFit>();
    readonly #pending = new Map<string, Promise<ModelFit>>();
    readonly #listeners = new Set<() => void>();
    #queue: Promise<unknown> = Promise.resolve();
    #disposed = false;

    constructor(private readonly options: ModelFitsOptions) {}

    /** The fit as known now; when it is not, it is worked out in the background (undefined meanwhile). */
    known(model: FitSubject): ModelFit | undefined {
        const contextSize = this.options.contextSize();
        const fit = this.#known.get(keyOf(model.id, contextSize));
        if (fit === undefined && !this.#disposed) void this.#start(model, contextSize);
        return fit;
    }

    /** The fit, waiting for it to be worked out if need be. */
    fit(model: FitSubject): Promise<ModelFit> {
        const contextSize = this.options.contextSize();
        const fit = this.#known.get(keyOf(model.id, contextSize));
        return fit === undefined ? this.#start(model, contextSize) : Promise.resolve(fit);
    }

    /** Called each time a fit is ready. */
    onSettled(listener: () => void): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    /** The model was removed or its file added again: its fits are worked out anew when asked for. */
    forget(modelId: string): void {
        for (const cache of [this.#known, this.#pending])
            for (const key of cache.keys()) if (key.startsWith(`${modelId}|`)) cache.delete(key);
    }

    /** The hardware was probed again: every fit is worked out anew, and work under way is dropped. */
    clear(): void {
        this.#known.clear();
        this.#pending.clear();
    }

    /** Stops reporting and waits for the header being read, so nothing uses the Llama after it is gone. */
    async dispose(): Promise<void> {
        this.#disposed = true;
        this.#listeners.clear();
        this.clear();
        await this.#queue;
    }

    #start(model: FitSubject, contextSize: number): Promise<ModelFit> {
        const key = keyOf(model.id, contextSize);
        const pending = this.#pending.get(key);
        if (pending !== undefined) return pending;
        const work: Promise<ModelFit> = this.#queue.then(() => this.#work(model, contextSize)).then((fit) => {
            // Forgotten or cleared meanwhile: this answer is for a file or a machine that is no longer the one listed.
            if (this.#pending.get(key) !== work) return fit;
            this.#pending.delete(key);
            this.#known.set(key, fit);
            for (const listener of this.#listeners) listener();
            return fit;
        });
        // The next file waits for this one, whatever becomes of it.
        this.#queue = work.catch(() => undefined);
        this.#pending.set(key, work);
        return work;
    }

    async #work(model: FitSubject, contextSize: number): Promise<ModelFit> {
        const { hardware: probe, llama, estimate = estimateFitFromGguf } = this.options;
        try {
            const hardware = await probe();
            // A simulated machine is not this one: node-llama-cpp then estimates instead of simulating a load here.
            const onThisMachine = llama !== undefined && hardware.source === "probed";
            const result = await estimate({
                modelId: model.id, ggufPath: model.path, contextSize, hardware, capToTrainContext: true,
                // Rankers, like embedders, run on an embedding context (no sampling, one sequence).
                embeddingContext: model.role !== "chat",
                ...(onThisMachine ? { llama: await llama() } : {})
            });
            return { state: "checked", result };
        } catch (error) {
            return { state: "failed", reason: fitFailureReason(model.path, model.fileName, error) };
        }
    }
}

const keyOf = (modelId: string, contextSize: number) => `${modelId}|${contextSize}`;
