import { childMessageSchema } from "./childMessageSchema.js";
import type { ChildWorkerOptions, WorkerRequestOptions } from "./ChildWorkerOptions.js";
import { forkWorkerProcess } from "./forkWorkerProcess.js";
import { WorkerCrashedError, type WorkerCrashReason } from "./WorkerCrashedError.js";
import { WorkerDisposedError } from "./WorkerDisposedError.js";
import type { WorkerExit, WorkerProcess } from "./WorkerProcess.js";
import { WorkerRemoteError } from "./WorkerRemoteError.js";
import { WorkerTimeoutError } from "./WorkerTimeoutError.js";
import type { ParentMessage } from "./workerProtocol.js";

interface Job<Request, Result, Progress> {
    id: number;
    payload: Request;
    options: WorkerRequestOptions<Progress>;
    resolve: (result: Result) => void;
    reject: (error: Error) => void;
    timer?: NodeJS.Timeout;
}

interface Running {
    process: WorkerProcess;
    ready: boolean;
    startTimer: NodeJS.Timeout;
}

/**
 * Runs requests in a child process, one at a time. A request that outlives its time limit gets the
 * child killed; a child that dies fails only the request it was handling. Either way the next
 * request starts a fresh child, and nothing is ever thrown into the parent unhandled.
 */
export class ChildWorker<Request, Result, Progress = never> {
    readonly #options: ChildWorkerOptions<Result, Progress>;
    readonly #queue: Array<Job<Request, Result, Progress>> = [];
    #active: Job<Request, Result, Progress> | undefined;
    #running: Running | undefined;
    #nextId = 1;
    #disposed = false;

    public constructor(options: ChildWorkerOptions<Result, Progress>) {
        this.#options = options;
    }

    public request(payload: Request, options: WorkerRequestOptions<Progress>): Promise<Result> {
        if (this.#disposed) return Promise.reject(new WorkerDisposedError(this.#options.name, options.task));
        return new Promise<Result>((resolve, reject) => {
            this.#queue.push({ id: this.#nextId++, payload, options, resolve, reject });
            this.#pump();
        });
    }

    /** Kills the child; pending requests fail with WorkerDisposedError. Resolves once it has exited. */
    public async dispose(): Promise<void> {
        this.#disposed = true;
        const running = this.#running;
        this.#running = undefined;
        for (const job of [...(this.#active ? [this.#active] : []), ...this.#queue.splice(0)]) {
            clearTimeout(job.timer);
            job.reject(new WorkerDisposedError(this.#options.name, job.options.task));
        }
        this.#active = undefined;
        if (running === undefined) return;
        clearTimeout(running.startTimer);
        const exited = new Promise<void>((resolve) => {
            running.process.onExit(() => resolve());
            // SIGKILL cannot be refused, but never let shutdown hang on an exit event that got lost.
            setTimeout(resolve, 5_000).unref();
        });
        running.process.kill();
        await exited;
    }

    #pump(): void {
        if (this.#active !== undefined || this.#disposed) return;
        const job = this.#queue.shift();
        if (job === undefined) return;
        this.#active = job;
        const running = this.#running ?? this.#start();
        if (running?.ready === true) this.#dispatch(running, job);
    }

    #start(): Running | undefined {
        const { entry, heapLimitMb, name, env } = this.#options;
        const spawn = this.#options.spawn ?? forkWorkerProcess;
        let process: WorkerProcess;
        try {
            const execArgv = [...entry.execArgv, `--max-old-space-size=${String(heapLimitMb)}`];
            process = spawn({ modulePath: entry.modulePath, execArgv, serviceName: name, ...(env ? { env } : {}) });
        } catch {
            this.#failActive(this.#crash("start-failed", { code: null, signal: null, stderrTail: "" }));
            return undefined;
        }
        const startTimer = setTimeout(() => {
            this.#abandon(running, this.#crash("start-failed", { code: null, signal: null, stderrTail: "" }));
        }, this.#options.startTimeoutMs ?? 30_000);
        const running: Running = { process, ready: false, startTimer };
        this.#running = running;
        process.onMessage((message) => this.#onMessage(running, message));
        process.onExit((exit) => this.#onExit(running, exit));
        return running;
    }

    #dispatch(running: Running, job: Job<Request, Result, Progress>): void {
        this.#startTimer(running, job);
        const message: ParentMessage<Request> = { type: "request", id: job.id, payload: job.payload };
        try {
            running.process.send(message);
        } catch (error) {
            // The payload could not be serialized: the caller's mistake, not the child's.
            this.#failActive(error instanceof Error ? error : new Error(String(error)));
        }
    }

    #startTimer(running: Running, job: Job<Request, Result, Progress>): void {
        clearTimeout(job.timer);
        job.timer = setTimeout(() => {
            const { name: workerName } = this.#options;
            const { task, timeoutMs, hint } = job.options;
            this.#abandon(running, new WorkerTimeoutError({ workerName, task, timeoutMs, hint }));
        }, job.options.timeoutMs);
    }

    #onMessage(running: Running, raw: unknown): void {
        if (running !== this.#running) return;
        const parsed = childMessageSchema.safeParse(raw);
        if (!parsed.success) return this.#abandon(running, this.#crash("protocol-violation"));
        const message = parsed.data;
        if (message.type === "ready") {
            if (running.ready) return;
            running.ready = true;
            clearTimeout(running.startTimer);
            if (this.#active !== undefined) this.#dispatch(running, this.#active);
            return;
        }
        const job = this.#active;
        if (job?.id !== message.id) return this.#abandon(running, this.#crash("protocol-violation"));
        switch (message.type) {
            case "progress":
                if (this.#reportProgress(job, message.progress) && job.options.progressRestartsTimeout === true) this.#startTimer(running, job);
                return;
            case "result": {
                let result: Result;
                try {
                    result = this.#options.parseResult(message.result);
                } catch {
                    return this.#abandon(running, this.#crash("protocol-violation"));
                }
                this.#settleActive();
                job.resolve(result);
                return this.#pump();
            }
            case "error":
                this.#failActive((this.#options.reviveError ?? ((e) => new WorkerRemoteError(e)))(message.error));
                return;
            default:
                message satisfies never;
                return this.#abandon(running, this.#crash("protocol-violation"));
        }
    }

    /** Passes a report on; true when it was well formed. */
    #reportProgress(job: Job<Request, Result, Progress>, raw: unknown): boolean {
        const { parseProgress } = this.#options;
        if (parseProgress === undefined) return false;
        let progress: Progress;
        try {
            progress = parseProgress(raw);
        } catch {
            // A malformed report must not take the request down with it, nor restart its time limit.
            return false;
        }
        try {
            job.options.onProgress?.(progress);
        } catch {
            // Nor may a failing listener.
        }
        return true;
    }

    #onExit(running: Running, exit: WorkerExit): void {
        if (running !== this.#running) return;
        this.#running = undefined;
        clearTimeout(running.startTimer);
        this.#failActive(this.#crash(running.ready ? WorkerCrashedError.reasonOf(exit) : "start-failed", exit));
    }

    /** Stops a child that hung or misbehaved; the request it held fails with `error`. */
    #abandon(running: Running, error: Error): void {
        if (running !== this.#running) return;
        this.#running = undefined;
        clearTimeout(running.startTimer);
        running.process.kill();
        this.#failActive(error);
    }

    #failActive(error: Error): void {
        const job = this.#active;
        this.#settleActive();
        job?.reject(error);
        this.#pump();
    }

    #settleActive(): void {
        clearTimeout(this.#active?.timer);
        this.#active = undefined;
    }

    #crash(reason: WorkerCrashReason, exit?: WorkerExit): WorkerCrashedError {
        const task = this.#active?.options.task ?? "idle";
        const hint = this.#active?.options.hint ?? "";
        const details = {
            workerName: this.#options.name,
            task,
            reason,
            exitCode: exit?.code ?? null,
            signal: exit?.signal ?? null,
            heapLimitMb: this.#options.heapLimitMb,
            hint
        };
        return new WorkerCrashedError(details, exit?.stderrTail ?? "");
    }
}
