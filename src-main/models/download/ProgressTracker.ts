import type { DownloadPhase, DownloadProgress } from "./downloadTypes.js";
import { SpeedMeter } from "./SpeedMeter.js";

type JobProgress = {
    phase: DownloadPhase;
    /** Best byte count so far in this phase. */
    done: number;
    total: number;
    downloaded: number;
    meter: SpeedMeter;
    lastEmitAt: number;
    lastEmittedDone: number;
    lastSaveAt: number;
    /** A held-back report waits here, so the last count before a pause in the data is still shown. */
    trailing: NodeJS.Timeout | null;
};

export type ProgressSink = {
    emit: (progress: DownloadProgress) => void;
    /** Records how far a download got, so a restart shows (and the disk check counts) the right amount. */
    save: (jobId: string, downloadedBytes: number) => void;
};

const saveIntervalMs = 1_000;

/**
 * Turns the downloader's raw counts into the progress a person sees: throttled, with a measured rate
 * and time left, and never going backwards. The downloader's count does drop when it discards an
 * unfinished part (a dropped connection, a resume); a bar that jumps back reads as lost work.
 */
export class ProgressTracker {
    readonly #jobs = new Map<string, JobProgress>();

    constructor(private readonly intervalMs: number, private readonly sink: ProgressSink) {}

    begin(jobId: string, downloadedBytes: number): void {
        this.end(jobId);
        this.#jobs.set(jobId, {
            phase: "downloading", done: downloadedBytes, total: 0, downloaded: downloadedBytes, meter: new SpeedMeter(),
            lastEmitAt: 0, lastEmittedDone: -1, lastSaveAt: Date.now(), trailing: null
        });
    }

    report(jobId: string, phase: DownloadPhase, doneBytes: number, totalBytes: number): void {
        const job = this.#jobs.get(jobId);
        if (job == null) return;
        if (phase !== job.phase) Object.assign(job, { phase, done: 0, meter: new SpeedMeter(), lastEmitAt: 0, lastEmittedDone: -1 });
        job.total = totalBytes;
        job.done = Math.min(Math.max(job.done, doneBytes), totalBytes);
        job.meter.add(job.done);
        const now = Date.now();
        if (phase === "downloading") {
            job.downloaded = job.done;
            if (now - job.lastSaveAt >= saveIntervalMs) {
                job.lastSaveAt = now;
                this.sink.save(jobId, job.done);
            }
        }
        if (job.done >= job.total || now - job.lastEmitAt >= this.intervalMs) this.#emit(jobId, job);
        else job.trailing ??= setTimeout(() => this.#emit(jobId, job), this.intervalMs - (now - job.lastEmitAt));
    }

    /** Bytes downloaded so far by the job's current run (0 when it has none). */
    downloaded(jobId: string): number {
        return this.#jobs.get(jobId)?.downloaded ?? 0;
    }

    end(jobId: string): void {
        const job = this.#jobs.get(jobId);
        if (job?.trailing != null) clearTimeout(job.trailing);
        this.#jobs.delete(jobId);
    }

    #emit(jobId: string, job: JobProgress): void {
        if (job.trailing != null) clearTimeout(job.trailing);
        job.trailing = null;
        if (job.lastEmittedDone === job.done && job.done >= job.total) return;
        job.lastEmitAt = Date.now();
        job.lastEmittedDone = job.done;
        const finished = job.done >= job.total;
        this.sink.emit({
            jobId, phase: job.phase, doneBytes: job.done, totalBytes: job.total,
            bytesPerSecond: Math.round(job.meter.bytesPerSecond()),
            secondsLeft: finished ? 0 : job.meter.secondsLeft(job.total)
        });
    }
}
