import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { QaPairsInfo, TrainingRunInfo } from "@common/contract/personalizeTypes.js";
import { BusyError, InvalidInputError } from "@common/errors.js";
import { readGgufFileInfo, type GgufFileInfo } from "node-llama-cpp";
import { readCpuFeatures } from "../hardware/readCpuFeatures.js";
import { Throttle } from "../ingest/Throttle.js";
import type { LibraryReader } from "../store/library/LibraryReader.js";
import type { AdapterRepository, StoredAdapter } from "../store/AdapterRepository.js";
import type { StoredModel } from "../store/ModelRepository.js";
import { readAdapterBaseFingerprint } from "../trainer/adapter/verifyAdapterBase.js";
import { fingerprintModelFile } from "../trainer/adapter/fingerprintModelFile.js";
import { withDefaultTrainingOptions } from "../trainer/defaultTrainingOptions.js";
import type { TrainerClient } from "../trainer/TrainerClient.js";
import type { QaPair, TrainingOptions, TrainingResult, TrainingStats } from "../trainer/types.js";
import { adapterName } from "./adapterName.js";
import { loraShapeFor } from "./loraShapeFor.js";
import { assertTrainerBuilt } from "./assertTrainerBuilt.js";
import { collectTrainingDocuments, type TrainingDocuments } from "./collectTrainingDocuments.js";
import { NoChatModelError } from "./errors/NoChatModelError.js";
import { planTrainingMemory, type TrainingMemory } from "./planTrainingMemory.js";
import { readQaPairs } from "./readQaPairs.js";
import { pairsEntryPrefix } from "./toAdapterInfo.js";
import { TrainingBusyError } from "./errors/TrainingBusyError.js";
import { removeStaleRunFolders, runFolderName } from "./runFolders.js";
import { splitThreads } from "./splitThreads.js";
import { toLocusError } from "./toLocusError.js";
import { TrainingRun } from "./TrainingRun.js";
import { plural } from "@common/plural.js";

/** What the service needs of the engine: its thread count, and a limit on it while a run takes the rest. */
export type ThreadBudget = { readonly threads: number; limitThreads(limit: number | null): void };

export type StartTraining = {
    documentIds?: readonly string[] | undefined;
    /** Pairs read by loadPairs, to learn besides the documents. */
    pairsId?: string | undefined;
    budgetMinutes: number;
    name?: string | undefined;
};

type PairSet = QaPairsInfo & { pairs: QaPair[] };

/** Pair files read and not yet used are kept for a while; older ones are forgotten (they are read again on demand). */
const keptPairSets = 4;

export type TrainingServiceOptions = {
    trainer: Pick<TrainerClient, "train" | "dispose">;
    library: Pick<LibraryReader, "listDocuments" | "listParts" | "getDocument" | "documentChunks">;
    models: { get(modelId: string): StoredModel | undefined };
    /** The chat model chosen in Settings: the one a run teaches. */
    chatModelId: () => string | null;
    adapters: AdapterRepository;
    engine: ThreadBudget;
    /** Where finished adapters are kept (the data folder's `adapters/`). */
    adaptersDir: string;
    onProgress: (run: TrainingRunInfo) => void;
    onAdapterAdded: (adapter: StoredAdapter) => void;
    /**
     * Leave one share of the cores to the engine while training, so chat still answers (default true).
     * The CLI, which does nothing else meanwhile, gives the trainer every thread.
     */
    keepThreadsForChat?: boolean;
    /** Other work that takes the cores (the Advisor measuring): a message saying what, or null when there is none. */
    busyElsewhere?: () => string | null;
    /** Throws when the native trainer is not built; checked before a run starts. */
    checkTrainer?: () => void;
    /** Training options beyond budget and threads (tests and benchmarks tune the learning rate, steps). */
    training?: Partial<Omit<TrainingOptions, "budgetSeconds" | "threads" | "startedAt">>;
    /**
     * Memory free for a run now, and the CPU's features (which weights llama.cpp repacks); default: the
     * operating system's available memory. A run that would not fit is refused before the worker starts.
     */
    memory?: () => Promise<TrainingMemory>;
    /** Least time between two progress events, in ms (default 250; state changes are sent at once). */
    progressIntervalMs?: number;
    now?: () => number;
};

type RunFacts = { model: StoredModel; data: TrainingDocuments; budgetMinutes: number; name: string; firstTrainLoss: number | null };

type RunInput = { data: TrainingDocuments; pairs: PairSet | null; budgetMinutes: number; name: string };

type ActiveRun = { run: TrainingRun; controller: AbortController; done: Promise<void> };

/** If a cancelled run does not stop within this time on dispose, its worker is killed (adapters are written atomically). */
const disposeGraceMs = 5_000;

/**
 * Personalize's training runs: one at a time, on the chosen chat model, from library documents, in the
 * trainer worker. While a run goes on the engine keeps one share of the cores and the trainer the rest.
 * When it ends the best adapter moves from the run's folder into the adapters folder and joins the registry.
 */
export class TrainingService {
    readonly #options: TrainingServiceOptions;
    readonly #now: () => number;
    #active: ActiveRun | null = null;
    #last: TrainingRun | null = null;
    readonly #pairSets = new Map<string, PairSet>();

    constructor(options: TrainingServiceOptions) {
        this.#options = options;
        this.#now = options.now ?? Date.now;
    }

    /** The current run, or the last one since the service started. */
    status(): TrainingRunInfo | null {
        return (this.#active?.run ?? this.#last)?.info ?? null;
    }

    /** Checks everything a person can fix (model, documents, text, trainer), then starts the run in the background. */
    start(request: StartTraining): TrainingRunInfo {
        if (this.#active !== null) throw new TrainingBusyError();
        const elsewhere = this.#options.busyElsewhere?.() ?? null;
        if (elsewhere !== null) throw new BusyError(elsewhere);
        const model = this.#chatModel();
        try {
            (this.#options.checkTrainer ?? assertTrainerBuilt)();
        } catch (error) {
            throw toLocusError(error);
        }
        const data = collectTrainingDocuments(this.#options.library, request.documentIds);
        const pairs = request.pairsId === undefined ? null : this.#pairSets.get(request.pairsId);
        if (pairs === undefined) throw new InvalidInputError("The question-answer file is no longer loaded. Add it again, then train.");
        const run = new TrainingRun({
            id: randomUUID(), modelId: model.id, modelName: model.displayName, documentCount: data.used.length,
            pairCount: pairs?.count ?? 0, budgetMinutes: request.budgetMinutes, startedAt: this.#now()
        }, this.#now);
        const controller = new AbortController();
        const name = request.name ?? adapterName(data.used, new Date(run.info.startedAt));
        const active: ActiveRun = { run, controller, done: Promise.resolve() };
        this.#active = active;
        this.#last = run;
        active.done = this.#execute(active, model, { data, pairs, budgetMinutes: request.budgetMinutes, name }).finally(() => {
            if (this.#active === active) this.#active = null;
        });
        this.#options.onProgress(run.info);
        return run.info;
    }

    /**
     * Reads a file of question-answer pairs (readQaPairs.ts) for the next run. The caller shows the file
     * name and count; a run refers to it by id.
     */
    async loadPairs(filePath: string): Promise<QaPairsInfo> {
        const pairs = await readQaPairs(filePath);
        const set: PairSet = { id: randomUUID(), fileName: path.basename(filePath), count: pairs.length, pairs };
        this.#pairSets.set(set.id, set);
        for (const id of this.#pairSets.keys()) if (this.#pairSets.size > keptPairSets) this.#pairSets.delete(id);
        return { id: set.id, fileName: set.fileName, count: set.count };
    }

    /** Stops the run after its current optimizer step; the best adapter so far is kept. */
    cancel(): TrainingRunInfo | null {
        this.#active?.controller.abort();
        return this.status();
    }

    /** Resolves when the current run (if any) has ended and its adapter is registered. */
    async idle(): Promise<void> {
        await this.#active?.done;
    }

    async dispose(): Promise<void> {
        const active = this.#active;
        if (active !== null) {
            active.controller.abort();
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([active.done, new Promise((resolve) => (timer = setTimeout(resolve, disposeGraceMs)))]);
            clearTimeout(timer);
        }
        await this.#options.trainer.dispose();
        await active?.done;
    }

    #chatModel(): StoredModel {
        const modelId = this.#options.chatModelId();
        if (modelId === null) throw new NoChatModelError("none-chosen");
        const model = this.#options.models.get(modelId);
        if (model === undefined || model.role !== "chat") throw new NoChatModelError("missing");
        return model;
    }

    async #execute(active: ActiveRun, model: StoredModel, { data, pairs, budgetMinutes, name }: RunInput): Promise<void> {
        const { run, controller } = active;
        const { engine, trainer, adaptersDir } = this.#options;
        const throttle = new Throttle(this.#options.progressIntervalMs ?? 250, () => this.#options.onProgress(run.info));
        const runDir = path.join(adaptersDir, ".runs", runFolderName(run.info.id));
        const split = this.#options.keepThreadsForChat === false ? null : splitThreads(engine.threads);
        if (split !== null) engine.limitThreads(split.engine);
        try {
            await removeStaleRunFolders(path.join(adaptersDir, ".runs"));
            if (controller.signal.aborted) {
                run.cancelBeforeStart();
                return;
            }
            const header = await readModelHeader(model.path);
            const shape = loraShapeFor(header?.info, data.documents, header?.fileBytes);
            const threads = split?.trainer ?? Math.max(1, engine.threads);
            const options = { ...shape, ...this.#options.training, budgetSeconds: budgetMinutes * 60, threads, startedAt: run.info.startedAt };
            if (header !== undefined) {
                const defaults = withDefaultTrainingOptions(options);
                const { microBatchTokens } = planTrainingMemory({
                    modelName: model.displayName, info: header.info, fileBytes: header.fileBytes, windowTokens: defaults.windowTokens,
                    microBatchTokens: defaults.microBatchTokens, fixedMicroBatch: this.#options.training?.microBatchTokens !== undefined,
                    lastLayers: defaults.lastLayers
                }, await (this.#options.memory ?? availableMemory)());
                options.microBatchTokens = microBatchTokens;
            }
            const result = await trainer.train({
                modelPath: model.path, outputDir: runDir, name: "adapter", documents: data.documents, ...(pairs ? { pairs: pairs.pairs } : {}), options
            }, {
                signal: controller.signal,
                onEvent: (event) => {
                    if (event.type !== "progress") return;
                    run.progress(event);
                    throttle.request();
                }
            });
            run.setState("saving");
            throttle.flush();
            // The registry lists what an adapter learned from: the documents, and the pairs file by name.
            const used = pairs === null ? data : { ...data, used: [...data.used, { id: `${pairsEntryPrefix}${pairs.id}`, name: `${pairs.fileName} (${plural(pairs.count, "question-answer pair")})` }] };
            const adapter = result.adapterPath === null ? null : await this.#register({ ...result, adapterPath: result.adapterPath }, {
                model, data: used, budgetMinutes, name, firstTrainLoss: run.info.points[0]?.trainLoss ?? null
            });
            run.finish(result.stats, adapter?.id ?? null);
            if (adapter !== null) this.#options.onAdapterAdded(adapter);
        } catch (error) {
            run.fail(toLocusError(error).message);
        } finally {
            if (split !== null) engine.limitThreads(null);
            await fs.rm(runDir, { recursive: true, force: true }).catch(() => undefined);
            throttle.flush();
        }
    }

    /** Moves the kept adapter into the adapters folder (a rename: it appears whole or not at all) and registers it. */
    async #register(result: TrainingResult & { adapterPath: string }, run: RunFacts): Promise<StoredAdapter> {
        const { stats } = result;
        const { model, data, budgetMinutes, name } = run;
        const fingerprint = (await readAdapterBaseFingerprint(result.adapterPath)) ?? (await fingerprintModelFile(model.path));
        // A new name every time: node-llama-cpp caches adapters by path.
        const filePath = path.join(this.#options.adaptersDir, `${randomUUID()}.gguf`);
        await fs.rename(result.adapterPath, filePath);
        try {
            const { size } = await fs.stat(filePath);
            return this.#options.adapters.add({
                name, filePath, baseModelId: model.id, baseModelName: model.displayName, baseModelFingerprint: fingerprint,
                documents: data.used, budgetMinutes, steps: stats.steps, tokensTrained: stats.tokens,
                ...lossBeforeAfter(stats, run.firstTrainLoss), sizeBytes: size
            });
        } catch (error) {
            // Not registered (a full disk refused the row): no adapter file is left that no list shows.
            await fs.rm(filePath, { force: true });
            throw error;
        }
    }
}

/**
 * Loss before and after on held-out documents when there were some; else on the training text (the first
 * step's loss is the untrained adapter's, measured before its update).
 */
function lossBeforeAfter(stats: TrainingStats, firstTrainLoss: number | null): Pick<StoredAdapter, "lossBefore" | "lossAfter" | "lossOn"> {
    if (stats.initialValidationLoss !== null && stats.bestValidationLoss !== null)
        return { lossBefore: stats.initialValidationLoss, lossAfter: stats.bestValidationLoss, lossOn: "held-out" };
    return { lossBefore: firstTrainLoss, lossAfter: stats.finalTrainLoss, lossOn: "training" };
}

/** The model's header with its tensor list and tokenizer; undefined when unreadable (the trainer then names what is wrong). */
async function readModelHeader(modelPath: string): Promise<{ info: GgufFileInfo; fileBytes: number } | undefined> {
    try {
        const [info, stat] = await Promise.all([readGgufFileInfo(modelPath, { logWarnings: false }), fs.stat(modelPath)]);
        return { info, fileBytes: stat.size };
    } catch {
        return undefined;
    }
}

async function availableMemory(): Promise<TrainingMemory> {
    return { availableBytes: os.freemem(), cpuFeatures: await readCpuFeatures(process.platform, "") };
}
