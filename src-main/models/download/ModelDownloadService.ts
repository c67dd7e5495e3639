import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { InvalidInputError, NotFoundError } from "@common/errors.js";
import { readFreeDiskBytes } from "../../hardware/readFreeDiskBytes.js";
import type { Quant } from "../catalogSchema.js";
import { DownloadRepository, unfinishedStates, type DownloadPatch, type StoredDownload } from "./DownloadRepository.js";
import { DownloadRunner } from "./DownloadRunner.js";
import type { ModelDownloadServiceOptions } from "./downloadServiceOptions.js";
import type { DownloadEvent, DownloadJob, DownloadListener } from "./downloadTypes.js";
import { ensureFreeDisk } from "./ensureFreeDisk.js";
import { findCatalogFile } from "./findCatalogFile.js";
import { defaultHubEndpoint, hubHost, type HubFileRef } from "./hubUrls.js";
import { ProgressTracker } from "./ProgressTracker.js";
import { removeOrphanPartials } from "./removeOrphanPartials.js";
import { resolveExpectedFile } from "./resolveExpectedFile.js";
import { toDownloadError } from "./toDownloadError.js";

const publicJob = ({ repository: _r, revision: _v, sizeExact: _s, partialDir: _p, filePath: _f, ...job }: StoredDownload): DownloadJob => job;

/**
 * Downloads catalog models: resumable (across restarts too), verified by SHA-256 before the file is
 * used, reported through events. Jobs are rows in SQLite; the DownloadRunner executes them.
 */
export class ModelDownloadService {
    readonly #jobs: DownloadRepository;
    readonly #runner: DownloadRunner;
    /** Jobs between `resume` and their run's start, so a second `resume` cannot start a second run. */
    readonly #resuming = new Set<string>();
    readonly #listeners = new Set<DownloadListener>();
    readonly #endpoint: string;
    #disposed = false;

    constructor(private readonly options: ModelDownloadServiceOptions) {
        this.#jobs = new DownloadRepository(options.db);
        this.#endpoint = options.endpoint ?? defaultHubEndpoint;
        const progress = new ProgressTracker(options.progressIntervalMs ?? 250, {
            emit: (update) => this.#emit({ type: "progress", progress: update }),
            save: (jobId, downloadedBytes) => this.#jobs.update(jobId, { downloadedBytes })
        });
        this.#runner = new DownloadRunner({
            jobs: this.#jobs, progress, host: hubHost(this.#endpoint), update: (jobId, patch) => void this.#update(jobId, patch),
            run: {
                endpoint: this.#endpoint, modelsDir: options.modelsDir, stallTimeoutMs: options.stallTimeoutMs ?? 60_000,
                inspect: options.inspect, register: options.register ?? null
            }
        });
    }

    list(): DownloadJob[] {
        return this.#jobs.list().map(publicJob);
    }

    get(jobId: string): DownloadJob {
        return publicJob(this.#require(jobId));
    }

    onEvent(listener: DownloadListener): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    /**
     * Starts (or continues) downloading one quantization of a catalog model. Resolves once the job is
     * recorded and its transfer launched; throws first when the hub cannot be reached, the file cannot be
     * verified or the disk is too small. Later outcomes arrive as events.
     */
    async start(catalogId: string, quant: Quant): Promise<DownloadJob> {
        const { entry, file } = findCatalogFile(this.options.catalog, catalogId, quant);
        const unfinished = this.#jobs.unfinishedFor(catalogId, quant);
        if (unfinished != null) return unfinished.state === "paused" ? this.resume(unfinished.id) : publicJob(unfinished);

        const ref = { endpoint: this.#endpoint, repository: entry.repository, revision: file.revision ?? entry.revision, fileName: file.file };
        const expected = await resolveExpectedFile(ref, file);
        await this.#ensureDisk(file.file, expected.sizeBytes);
        // Another start for the same file may have begun while this one waited on the network.
        const raced = this.#jobs.unfinishedFor(catalogId, quant);
        if (raced != null) return publicJob(raced);

        const id = randomUUID();
        const job = this.#jobs.create({
            id, catalogId, quant, displayName: `${entry.displayName} (${quant})`, fileName: file.file,
            state: "downloading", totalBytes: expected.sizeBytes, expectedSha256: expected.sha256,
            sha256Source: expected.sha256Source, repository: ref.repository, revision: ref.revision,
            sizeExact: expected.sizeExact, partialDir: path.join(this.#partialRoot, id)
        });
        this.#emit({ type: "job", job: publicJob(job) });
        this.#launch(job);
        return publicJob(job);
    }

    /** Continues a paused job (or one a restart interrupted) from its partial file. */
    async resume(jobId: string): Promise<DownloadJob> {
        const job = this.#require(jobId);
        if (this.#runner.isRunning(jobId) || this.#resuming.has(jobId) || !unfinishedStates.includes(job.state)) return publicJob(job);
        this.#resuming.add(jobId);
        try {
            await this.#checkStillPossible(job);
            // A cancel while the hub was being asked wins.
            if (!unfinishedStates.includes(this.#require(jobId).state)) return this.get(jobId);
            this.#launch(this.#update(jobId, { state: "downloading", error: null }));
            return this.get(jobId);
        } finally {
            this.#resuming.delete(jobId);
        }
    }

    /** Stops a job and keeps its partial file, so `resume` continues where it stopped, even after a restart. */
    async pause(jobId: string): Promise<DownloadJob> {
        const job = this.#require(jobId);
        const stopped = await this.#runner.stop(jobId, "pause");
        if (!stopped && (job.state === "downloading" || job.state === "verifying")) this.#update(jobId, { state: "paused" });
        return this.get(jobId);
    }

    /** Stops a job and deletes its partial file. A job already verified and installed stays completed. */
    async cancel(jobId: string): Promise<DownloadJob> {
        const job = this.#require(jobId);
        const stopped = await this.#runner.stop(jobId, "cancel");
        if (!stopped && unfinishedStates.includes(job.state)) {
            await fs.rm(job.partialDir, { recursive: true, force: true });
            this.#update(jobId, { state: "cancelled", error: null });
        }
        return this.get(jobId);
    }

    /** Removes a finished, failed or cancelled job from the list (an installed model stays). */
    dismiss(jobId: string): void {
        const job = this.#require(jobId);
        if (unfinishedStates.includes(job.state)) throw new InvalidInputError(`${job.displayName} is still downloading. Cancel it first.`);
        this.#jobs.remove(jobId);
    }

    /** Resolves when the job's current run has ended (completed, paused, failed or cancelled). */
    async wait(jobId: string): Promise<DownloadJob> {
        await this.#runner.settled(jobId);
        return this.get(jobId);
    }

    /**
     * Call once at startup: removes partial folders no job owns and resumes the jobs a quit or crash
     * interrupted. One that cannot continue now (offline) is left paused, its error saying why.
     */
    async restore(): Promise<void> {
        const unfinished = this.#jobs.list().filter((job) => unfinishedStates.includes(job.state));
        await removeOrphanPartials(this.#partialRoot, new Set(unfinished.map((job) => job.id)));
        for (const job of unfinished)
            if (job.state !== "paused") await this.resume(job.id).catch(() => undefined);
    }

    /** Stops every transfer, keeping partial files and states, so the next `restore` resumes them. */
    async dispose(): Promise<void> {
        this.#disposed = true;
        await this.#runner.stopAll("dispose");
        this.#listeners.clear();
    }

    get #partialRoot(): string {
        return path.join(this.options.modelsDir, ".partial");
    }

    /** Asks the hub again (reachable? same file?) and checks the disk; a failure is recorded on the job and thrown. */
    async #checkStillPossible(job: StoredDownload): Promise<void> {
        const ref: HubFileRef = { endpoint: this.#endpoint, repository: job.repository, revision: job.revision, fileName: job.fileName };
        try {
            // Held to the SHA-256 recorded at the start: a partial file of another version is worthless.
            await resolveExpectedFile(ref, {
                quant: job.quant, file: job.fileName, sizeBytes: job.totalBytes, sizeExact: job.sizeExact, sha256: job.expectedSha256
            });
            await this.#ensureDisk(job.fileName, job.totalBytes - job.downloadedBytes);
        } catch (error) {
            await this.#runner.recordFailure(job, error);
            throw toDownloadError(error, { fileName: job.fileName, host: hubHost(this.#endpoint) });
        }
    }

    #launch(job: StoredDownload): void {
        if (!this.#disposed) this.#runner.launch(job);
    }

    async #ensureDisk(fileName: string, remainingBytes: number): Promise<void> {
        await ensureFreeDisk(
            { fileName, folder: this.options.modelsDir, remainingBytes, reserveBytes: this.options.reserveBytes ?? 50e6 },
            this.options.freeDiskBytes ?? readFreeDiskBytes
        );
    }

    #update(jobId: string, patch: DownloadPatch): StoredDownload {
        const job = this.#jobs.update(jobId, patch);
        this.#emit({ type: "job", job: publicJob(job) });
        return job;
    }

    #require(jobId: string): StoredDownload {
        const job = this.#jobs.get(jobId);
        if (job == null) throw new NotFoundError("That download is no longer in the list.");
        return job;
    }

    #emit(event: DownloadEvent): void {
        for (const listener of this.#listeners) {
            try {
                listener(event);
            } catch (error) {
                console.error("Locus: a download listener failed:", error);
            }
        }
    }
}
