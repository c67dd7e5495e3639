import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { AdvisorRunInfo } from "@common/contract/advisorTypes.js";
import { BusyError, NotFoundError } from "@common/errors.js";
import type { LibraryReader } from "../store/library/LibraryReader.js";
import type { AdvisorRepository, StoredAdvisorRun } from "../store/AdvisorRepository.js";
import { Throttle } from "../ingest/Throttle.js";
import { splitThreads } from "../personalize/splitThreads.js";
import { TrainerClient } from "../trainer/TrainerClient.js";
import { cleanAdvisorFolders } from "./cleanAdvisorFolders.js";
import { LibraryTooSmallError } from "./errors/LibraryTooSmallError.js";
import { minDocuments } from "./probes/buildProbeSet.js";
import { explainAdvice } from "./recommend/explainAdvice.js";
import { runAdvisor } from "./run/runAdvisor.js";
import type { AdvisorDeps, AdvisorPlan, CandidateModel, MeasuredConfig } from "./run/types.js";
import { isStale, librarySnapshot } from "./librarySnapshot.js";
import { toAdvisorConfig } from "./toAdvisorConfig.js";

export type AdvisorServiceOptions = {
    repository: AdvisorRepository;
    /** Runs keep their lower-bit copies and adapters in `<dataDir>/advisor/<run id>`. */
    dataDir: string;
    library: Pick<LibraryReader, "listDocuments" | "documentChunks">;
    /** The chat models to measure (every chat model in the list whose file is there). */
    candidates: () => Promise<CandidateModel[]>;
    /** What runAdvisor needs beyond the models, threads, trainer and folder. */
    deps: Pick<AdvisorDeps, "llama" | "gpu" | "retriever" | "answerer" | "cannotTrain">;
    engine: { readonly threads: number; limitThreads(limit: number | null): void };
    trainer?: ConstructorParameters<typeof TrainerClient>[0];
    /** Personalize is training: the two would fight for the cores. */
    trainingBusy: () => boolean;
    /** Puts a run's recommendation into effect (model, compression, learning method, adapter). */
    apply: (run: StoredAdvisorRun) => Promise<void>;
    onProgress: (run: AdvisorRunInfo) => void;
    /** Plan settings beyond the budget (tests use fewer probes and data shares). */
    plan?: Partial<Omit<AdvisorPlan, "budgetSeconds">>;
    now?: () => number;
};

type Active = { run: StoredAdvisorRun; controller: AbortController; done: Promise<void> };

/**
 * The Advisor: runs the study in the background within the person's time budget (one at a time), keeps
 * every run with its date and the library it was measured on, and applies a run's recommendation. A run
 * left "running" by a crash is marked cancelled at start; its figures so far stay, its partial files go.
 */
export class AdvisorService {
    #active: Active | null = null;
    /** What the start's clean-up removed (left by a crash or kill of an earlier Locus). */
    readonly #cleaned: Promise<string[]>;

    constructor(private readonly options: AdvisorServiceOptions) {
        for (const run of options.repository.list().filter((r) => r.info.state === "running")) {
            options.repository.save({ ...run, info: { ...run.info, state: "cancelled", endedAt: run.info.endedAt ?? run.info.startedAt, phase: "Interrupted: Locus was closed while it measured." } });
        }
        this.#cleaned = cleanAdvisorFolders(path.join(options.dataDir, "advisor"), (runId) => options.repository.get(runId) !== undefined)
            .catch((error: unknown) => {
                console.error(`Locus: could not clean the Advisor's folder: ${error instanceof Error ? error.message : String(error)}`);
                return [];
            });
    }

    /** A run is measuring now (it takes the cores: Personalize waits for it). */
    busy(): boolean {
        return this.#active != null;
    }

    /** The run under way, or else the latest one; null when there has been none. */
    status(): AdvisorRunInfo | null {
        if (this.#active != null) return this.#withStale(this.#active.run);
        const latest = this.options.repository.list()[0];
        return latest == null ? null : this.#withStale(latest);
    }

    list(): AdvisorRunInfo[] {
        return this.options.repository.list().map((run) => this.#withStale(run));
    }

    /** Checks what a person can fix (a run under way, training, the library's size, a chat model), then starts in the background. */
    async start(request: { budgetMinutes: number }): Promise<AdvisorRunInfo> {
        if (this.#active != null) throw new BusyError("The Advisor is already measuring. Wait for it, or cancel it first.");
        if (this.options.trainingBusy()) throw new BusyError("Personalize is training now. Wait for it to finish (or stop it), then ask the Advisor.");
        const documents = this.options.library.listDocuments(["indexed"]);
        if (documents.length < minDocuments) throw new LibraryTooSmallError({ documents: documents.length, facts: 0, neededDocuments: minDocuments, neededFacts: 4 });
        const candidates = await this.options.candidates();
        if (candidates.length === 0) throw new NotFoundError("The Advisor needs a chat model to measure. Add one in the Models panel (or download one in the setup wizard), then try again.");

        const now = this.options.now ?? Date.now;
        const id = randomUUID();
        const workDir = path.join(this.options.dataDir, "advisor", id);
        const run: StoredAdvisorRun = {
            workDir, librarySnapshot: librarySnapshot(documents), files: {},
            info: {
                id, state: "running", startedAt: now(), endedAt: null, budgetMinutes: request.budgetMinutes, phase: "Starting…", progress: 0,
                documentCount: documents.length, probeCount: { easy: 0, medium: 0, hard: 0 }, configs: [], recommendation: null, notes: [],
                error: null, stale: false, computeSeconds: 0, applied: false
            }
        };
        this.options.repository.save(run);
        const controller = new AbortController();
        const active: Active = { run, controller, done: Promise.resolve() };
        active.done = this.#execute(active, candidates).finally(() => {
            if (this.#active === active) this.#active = null;
        });
        this.#active = active;
        return this.#withStale(run);
    }

    /** Stops the run after what it is measuring now; the figures so far and their recommendation are kept. */
    async cancel(): Promise<AdvisorRunInfo | null> {
        const active = this.#active;
        if (active == null) return this.status();
        active.controller.abort();
        await active.done;
        return this.#withStale(active.run);
    }

    async apply(runId: string): Promise<AdvisorRunInfo> {
        const run = this.#require(runId);
        if (run.info.recommendation == null) throw new NotFoundError("That run recommended nothing, so there is nothing to apply.");
        await this.options.apply(run);
        const applied = { ...run, info: { ...run.info, applied: true } };
        this.options.repository.save(applied);
        this.options.onProgress(this.#withStale(applied));
        return this.#withStale(applied);
    }

    /** Deletes a finished run with its lower-bit copies and adapters (applied ones were copied out). */
    async remove(runId: string): Promise<AdvisorRunInfo[]> {
        const run = this.#require(runId);
        if (this.#active?.run.info.id === runId) throw new BusyError("That run is still measuring. Cancel it first.");
        this.options.repository.remove(runId);
        await fs.rm(run.workDir, { recursive: true, force: true });
        return this.list();
    }

    async dispose(): Promise<void> {
        this.#active?.controller.abort();
        await this.#active?.done;
        await this.#cleaned;
    }

    async #execute(active: Active, candidates: CandidateModel[]): Promise<void> {
        const { run, controller } = active;
        const { engine } = this.options;
        const split = splitThreads(engine.threads);
        engine.limitThreads(split.engine);
        const trainer = new TrainerClient(this.options.trainer);
        const throttle = new Throttle(1000, () => {
            this.options.repository.save(run);
            this.options.onProgress(this.#withStale(run));
        });
        let configs: MeasuredConfig[] = [];
        try {
            const outcome = await runAdvisor({
                ...this.options.deps, threads: split.trainer, trainerThreads: split.trainer, library: this.options.library, models: candidates,
                trainer, workDir: run.workDir, ...(this.options.now ? { now: this.options.now } : {})
            }, {
                budgetSeconds: run.info.budgetMinutes * 60, mode: "search", dataFractions: [0.25, 0.5, 1], compress: true,
                probesPerLevel: 12, seed: 1, generationSample: 6, ...this.options.plan
            }, (progress) => {
                configs = [...progress.configs];
                Object.assign(run.info, { phase: progress.phase, progress: progress.progress, configs: configs.map(toAdvisorConfig) });
                run.files = filesOf(configs);
                throttle.request();
            }, controller.signal);
            configs = outcome.configs;
            const counts = { easy: 0, medium: 0, hard: 0 };
            for (const probe of outcome.probes.probes) counts[probe.level]++;
            Object.assign(run.info, {
                state: controller.signal.aborted ? "cancelled" : "done", probeCount: counts, notes: outcome.notes, computeSeconds: outcome.computeSeconds,
                phase: controller.signal.aborted ? "Cancelled: the figures measured so far are kept." : "Done"
            });
        } catch (error) {
            const cancelled = controller.signal.aborted;
            Object.assign(run.info, {
                state: cancelled ? "cancelled" : "failed", error: cancelled ? null : error instanceof Error ? error.message : String(error),
                phase: cancelled ? "Cancelled: the figures measured so far are kept." : "Failed"
            });
        } finally {
            engine.limitThreads(null);
            await trainer.dispose();
            run.info.configs = configs.map(toAdvisorConfig);
            run.files = filesOf(configs);
            run.info.recommendation = explainAdvice(run.info.configs);
            run.info.endedAt = (this.options.now ?? Date.now)();
            run.info.progress = 1;
            throttle.dispose();
            this.options.repository.save(run);
            this.options.onProgress(this.#withStale(run));
        }
    }

    #withStale(run: StoredAdvisorRun): AdvisorRunInfo {
        return { ...run.info, stale: isStale(run.librarySnapshot, librarySnapshot(this.options.library.listDocuments(["indexed"]))) };
    }

    #require(runId: string): StoredAdvisorRun {
        const run = this.#active?.run.info.id === runId ? this.#active.run : this.options.repository.get(runId);
        if (run == null) throw new NotFoundError("That Advisor run is no longer there.");
        return run;
    }
}

function filesOf(configs: readonly MeasuredConfig[]): StoredAdvisorRun["files"] {
    return Object.fromEntries(configs.map((config) => [config.key, {
        modelPath: config.modelPath, adapterPath: config.adapterPath, ...(config.documentIds ? { documentIds: config.documentIds } : {})
    }]));
}
