import type { DownloadJob, LocusApi, Result } from "@common/contract";
import { isDownloadActive } from "../../format/index.js";

const keyOf = (catalogId: string, quant: string) => `${catalogId}|${quant}`;

/** Model downloads: their progress as the services report it, and the person's pause, resume and cancel. */
export class DownloadsState {
    jobs = $state<DownloadJob[]>([]);
    /** Set when this build cannot download at all: the services' own words. */
    unavailable = $state<string | null>(null);
    /** The last failure per file ("catalogId|quant"), in plain words, for calls that did not make a job. */
    problems = $state<Record<string, string>>({});

    readonly #api: LocusApi;

    constructor(api: LocusApi) {
        this.#api = api;
    }

    async refresh(): Promise<void> {
        const result = await this.#api.downloads.list({});
        if (result.ok) this.jobs = result.value;
    }

    apply(job: DownloadJob): void {
        const index = this.jobs.findIndex((item) => item.id === job.id);
        if (index === -1) this.jobs = [...this.jobs, job];
        else this.jobs[index] = job;
    }

    /** The job that matters for a file: one still running, else the latest. */
    jobFor(catalogId: string, quant: string): DownloadJob | undefined {
        const jobs = this.jobs.filter((job) => job.catalogId === catalogId && job.quant === quant);
        return jobs.find(isDownloadActive) ?? jobs.at(-1);
    }

    problemFor(catalogId: string, quant: string): string | null {
        return this.problems[keyOf(catalogId, quant)] ?? null;
    }

    /** Starts a download unless one is running or done; a failure is kept as a plain-words problem. */
    async start(catalogId: string, quant: string): Promise<void> {
        const current = this.jobFor(catalogId, quant);
        if (current && (isDownloadActive(current) || current.state === "done")) return;
        await this.#track(catalogId, quant, () => this.#api.downloads.start({ catalogId, quant }));
    }

    async pause(job: DownloadJob): Promise<void> {
        await this.#track(job.catalogId, job.quant, () => this.#api.downloads.pause({ jobId: job.id }));
    }

    async resume(job: DownloadJob): Promise<void> {
        await this.#track(job.catalogId, job.quant, () => this.#api.downloads.resume({ jobId: job.id }));
    }

    async cancel(job: DownloadJob): Promise<void> {
        await this.#track(job.catalogId, job.quant, () => this.#api.downloads.cancel({ jobId: job.id }));
    }

    async #track(catalogId: string, quant: string, call: () => Promise<Result<DownloadJob>>): Promise<void> {
        const key = keyOf(catalogId, quant);
        const result = await call();
        if (result.ok) {
            const { [key]: _cleared, ...rest } = this.problems;
            this.problems = rest;
            this.apply(result.value);
        } else if (result.error.kind === "unsupported") {
            this.unavailable = result.error.message;
        } else {
            this.problems = { ...this.problems, [key]: result.error.message };
        }
    }
}
