import fs from "node:fs/promises";
import type { DownloadRepository, DownloadPatch, StoredDownload } from "./DownloadRepository.js";
import { DownloadRun, type DownloadResult, type DownloadRunDeps } from "./DownloadRun.js";
import type { ProgressTracker } from "./ProgressTracker.js";
import { keepsPartialFile, toDownloadError } from "./toDownloadError.js";
import { TransferStoppedError, type StopReason } from "./TransferStoppedError.js";

export type DownloadRunnerDeps = {
    /** What every run needs besides the job (its progress and state callbacks come from the runner). */
    run: Omit<DownloadRunDeps, "onProgress" | "onVerifying">;
    jobs: DownloadRepository;
    progress: ProgressTracker;
    host: string;
    /** Records a change of the job and announces it. */
    update: (jobId: string, patch: DownloadPatch) => void;
};

type ActiveRun = { run: DownloadRun; done: Promise<void> };

/** Runs jobs (one DownloadRun each) and records how each run ended: completed, paused, failed or cancelled. */
export class DownloadRunner {
    readonly #runs = new Map<string, ActiveRun>();

    constructor(private readonly deps: DownloadRunnerDeps) {}

    isRunning(jobId: string): boolean {
        return this.#runs.has(jobId);
    }

    /** Resolves when the job's run, if any, has ended and its end is recorded. */
    async settled(jobId: string): Promise<void> {
        await this.#runs.get(jobId)?.done;
    }

    launch(job: StoredDownload): void {
        const { progress } = this.deps;
        progress.begin(job.id, job.downloadedBytes);
        const run = new DownloadRun(job, {
            ...this.deps.run,
            onProgress: (phase, done, total) => progress.report(job.id, phase, done, total),
            onVerifying: () => this.deps.update(job.id, { state: "verifying" })
        });
        const done = run.execute()
            .then((result) => this.#completed(job, result), (error: unknown) => this.recordFailure(job, error))
            // Recording the end failed (say, adding the model to the list): report that rather than stay "verifying".
            .catch((error: unknown) => this.recordFailure(job, error))
            .catch((error: unknown) => console.error(`Locus: could not record the end of download ${job.id}:`, error))
            .finally(() => {
                this.#runs.delete(job.id);
                progress.end(job.id);
            });
        this.#runs.set(job.id, { run, done });
    }

    /** Stops the job's run and waits until its end is recorded; false when it had none. */
    async stop(jobId: string, reason: StopReason): Promise<boolean> {
        const active = this.#runs.get(jobId);
        if (active == null) return false;
        await active.run.stop(reason);
        await active.done;
        return true;
    }

    async stopAll(reason: StopReason): Promise<void> {
        await Promise.all([...this.#runs.keys()].map((jobId) => this.stop(jobId, reason)));
    }

    /** Records why a job stopped: paused with the reason when its partial file is still good, else failed and deleted. */
    async recordFailure(job: StoredDownload, error: unknown): Promise<void> {
        const { jobs, progress, update } = this.deps;
        const downloadedBytes = Math.max(job.downloadedBytes, progress.downloaded(job.id));
        if (error instanceof TransferStoppedError) {
            // Quitting keeps the state as it was, so the next start resumes the job.
            if (error.reason === "dispose") return void jobs.update(job.id, { downloadedBytes });
            if (error.reason === "cancel") await fs.rm(job.partialDir, { recursive: true, force: true });
            update(job.id, { state: error.reason === "cancel" ? "cancelled" : "paused", downloadedBytes, error: null });
            return;
        }
        const failure = toDownloadError(error, { fileName: job.fileName, host: this.deps.host });
        // Damaged, incomplete or changed: the partial file can only be wrong, and the message says it was deleted.
        const keep = keepsPartialFile(failure.reason);
        if (!keep) await fs.rm(job.partialDir, { recursive: true, force: true });
        update(job.id, { state: keep ? "paused" : "failed", downloadedBytes, error: failure.toFailure() });
    }

    async #completed(job: StoredDownload, result: DownloadResult): Promise<void> {
        await fs.rm(job.partialDir, { recursive: true, force: true });
        this.deps.update(job.id, {
            state: "completed", filePath: result.filePath, modelId: result.modelId, error: null,
            totalBytes: result.sizeBytes, downloadedBytes: result.sizeBytes
        });
    }
}
