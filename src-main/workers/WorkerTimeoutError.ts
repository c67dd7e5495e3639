export interface WorkerTimeoutDetails {
    workerName: string;
    /** What it was doing, e.g. 'parsing "report.pdf"'. */
    task: string;
    timeoutMs: number;
    /** What the user can do about it; depends on the kind of work. */
    hint: string;
}

/** A request ran past its wall-time limit; the worker was killed and is started afresh. */
export class WorkerTimeoutError extends Error {
    public readonly kind = "timeout";

    public constructor(public readonly details: WorkerTimeoutDetails) {
        super(`${capitalize(details.task)} took longer than ${duration(details.timeoutMs)} and was stopped. ${details.hint}`);
        this.name = "WorkerTimeoutError";
    }
}

function duration(ms: number): string {
    return ms < 1_000 ? `${String(ms)} ms` : `${String(Math.round(ms / 100) / 10)} s`;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
