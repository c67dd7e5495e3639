import type { WorkerExit } from "./WorkerProcess.js";

/** Why a worker stopped without answering. */
export type WorkerCrashReason = "out-of-memory" | "exited" | "start-failed" | "protocol-violation";

export interface WorkerCrashDetails {
    /** The worker's name, e.g. "document parser". */
    workerName: string;
    /** What it was doing, e.g. 'parsing "report.pdf"'. */
    task: string;
    reason: WorkerCrashReason;
    exitCode: number | null;
    signal: string | null;
    heapLimitMb: number;
    /** What the user can do about it; depends on the kind of work. */
    hint: string;
}

/**
 * The worker process died (or broke its protocol) while handling a request. That request fails;
 * the worker is started afresh for the next one.
 */
export class WorkerCrashedError extends Error {
    public readonly kind = "worker-crashed";

    public constructor(
        public readonly details: WorkerCrashDetails,
        /** Last stderr lines, for logs; not shown to the user. */
        public readonly stderrTail = ""
    ) {
        super(describe(details));
        this.name = "WorkerCrashedError";
    }

    /** Classifies how a process ended, for a message that says more than "exit code 134". */
    public static reasonOf(exit: WorkerExit): WorkerCrashReason {
        if (/heap out of memory|Reached heap limit|Allocation failed/i.test(exit.stderrTail)) return "out-of-memory";
        return "exited";
    }
}

function describe(details: WorkerCrashDetails): string {
    const { workerName, task, reason, hint } = details;
    switch (reason) {
        case "out-of-memory":
            return `The ${workerName} ran out of memory (limit ${String(details.heapLimitMb)} MB) while ${task} and was restarted. ${hint}`;
        case "start-failed":
            return `The ${workerName} could not be started for ${task}. Restart Locus; if this persists, reinstall it.`;
        case "protocol-violation":
            return `The ${workerName} sent an invalid reply while ${task} and was restarted. ${hint}`;
        case "exited": {
            const how = details.signal === null ? `exit code ${String(details.exitCode)}` : `signal ${details.signal}`;
            return `The ${workerName} stopped unexpectedly (${how}) while ${task} and was restarted. ${hint}`;
        }
    }
}
