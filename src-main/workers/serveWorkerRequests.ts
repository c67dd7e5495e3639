import { z } from "zod";
import { serializeError } from "./serializeError.js";
import type { ChildMessage } from "./workerProtocol.js";
import { watchParent } from "./watchParent.js";

/** The child's end of the channel; Node IPC here, Electron's parentPort if workers move there. */
export interface ParentPort {
    send(message: unknown): void;
    onMessage(listener: (message: unknown) => void): void;
}

export interface WorkerRequestContext<Progress> {
    reportProgress(progress: Progress): void;
}

export interface WorkerHandler<Request, Result, Progress> {
    /** Checks a request's payload; throws when it is malformed. */
    parseRequest: (payload: unknown) => Request;
    handle: (request: Request, context: WorkerRequestContext<Progress>) => Promise<Result>;
}

const parentMessageSchema = z.object({ type: z.literal("request"), id: z.number().int(), payload: z.unknown() });

/**
 * The child side of ChildWorker: answers each request with a result or a serialized error, and
 * tells the parent when it is ready. Call once from a worker entry file.
 */
export function serveWorkerRequests<Request, Result, Progress = never>(
    handler: WorkerHandler<Request, Result, Progress>,
    port: ParentPort = parentPort()
): void {
    const send = (message: ChildMessage<Result, Progress>): void => port.send(message);
    port.onMessage((raw) => {
        const parsed = parentMessageSchema.safeParse(raw);
        if (!parsed.success) return;
        const { id, payload } = parsed.data;
        const context: WorkerRequestContext<Progress> = {
            reportProgress: (progress) => send({ type: "progress", id, progress })
        };
        void (async () => {
            try {
                const result = await handler.handle(handler.parseRequest(payload), context);
                send({ type: "result", id, result });
            } catch (error) {
                send({ type: "error", id, error: serializeError(error) });
            }
        })();
    });
    send({ type: "ready" });
}

/** What Electron gives a utility process in place of Node's IPC channel. */
type ElectronParentPort = {
    postMessage(message: unknown): void;
    on(event: "message", listener: (event: { data: unknown }) => void): void;
};

let port: ParentPort | undefined;

/**
 * The channel to the process that started this worker: Electron's parentPort in a utility process (the
 * app), Node's IPC channel under child_process.fork (browser host, CLI, tests). One per process.
 */
export function parentPort(): ParentPort {
    if (port === undefined) watchParent();
    port ??= electronParentPort() ?? nodeIpcPort();
    return port;
}

function electronParentPort(): ParentPort | undefined {
    const electronPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
    if (electronPort === undefined) return undefined;
    return {
        send: (message) => electronPort.postMessage(message),
        onMessage: (listener) => electronPort.on("message", (event) => listener(event.data))
    };
}

function nodeIpcPort(): ParentPort {
    if (process.send === undefined) {
        throw new Error("This worker must be started by ChildWorker (it needs an IPC channel).");
    }
    // Without its parent the worker has nothing left to do; lingering would leak a process.
    process.on("disconnect", () => process.exit(0));
    return {
        send: (message) => {
            process.send?.(message, (error: Error | null) => {
                if (error) process.exit(1);
            });
        },
        onMessage: (listener) => process.on("message", listener)
    };
}
