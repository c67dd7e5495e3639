import type { WorkerEntry } from "./workerEntry.js";
import type { SpawnWorkerProcess } from "./WorkerProcess.js";
import type { SerializedError } from "./workerProtocol.js";

export interface ChildWorkerOptions<Result, Progress> {
    /** Shown in error messages, e.g. "document parser". */
    name: string;
    entry: WorkerEntry;
    /** V8 heap limit of the child (--max-old-space-size), in MB. */
    heapLimitMb: number;
    /** Checks a result from the child before the caller sees it; throws when it is malformed. */
    parseResult: (value: unknown) => Result;
    /** Checks a progress report; without it progress messages are dropped. */
    parseProgress?: (value: unknown) => Progress;
    /** Rebuilds named errors thrown in the child; by default name, kind and message are kept. */
    reviveError?: (error: SerializedError) => Error;
    /** How long the child may take to start and say it is ready. Default 30 s. */
    startTimeoutMs?: number;
    /** How to start the process; child_process.fork by default. */
    spawn?: SpawnWorkerProcess;
    env?: NodeJS.ProcessEnv;
}

export interface WorkerRequestOptions<Progress> {
    /** Wall-time limit, counted from when the child receives the request; past it the child is killed. */
    timeoutMs: number;
    /** What the request does, for messages: 'parsing "report.pdf"'. */
    task: string;
    /** What the user can do when it times out or crashes. */
    hint: string;
    onProgress?: (progress: Progress) => void;
    /**
     * A valid progress report restarts the time limit: for long work made of bounded steps (text
     * recognition, page by page), the limit then holds per step instead of for the whole request.
     */
    progressRestartsTimeout?: boolean;
}
