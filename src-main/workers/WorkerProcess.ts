// The one seam between ChildWorker and the process API that runs it: child_process.fork today,
// Electron's utilityProcess later. Both can send, receive, be killed and report their exit.

/** How a worker process ended. */
export interface WorkerExit {
    code: number | null;
    signal: string | null;
    /** Last lines the child wrote to stderr (V8 prints "heap out of memory" there). */
    stderrTail: string;
    /** Set when the process could not be spawned or its channel broke. */
    error?: Error;
}

/** A running child process that speaks structured messages. */
export interface WorkerProcess {
    send(message: unknown): void;
    /** Ends the process at once; a hung child cannot be asked politely. */
    kill(): void;
    onMessage(listener: (message: unknown) => void): void;
    /** Called exactly once, however the process ended. */
    onExit(listener: (exit: WorkerExit) => void): void;
}

export interface WorkerSpawnOptions {
    modulePath: string;
    execArgv: string[];
    /** Shown in process listings and crash messages. */
    serviceName: string;
    env?: NodeJS.ProcessEnv;
}

export type SpawnWorkerProcess = (options: WorkerSpawnOptions) => WorkerProcess;
