import { fail, type ErrorInfo, type EventMessage, type Result, type Transport, type WireRequest } from "@common/contract";
import { lostConnectionError, unauthorizedError, type ConnectionStatus } from "./connectionStatus.js";
import { parseWireResponse } from "./parseWireResponse.js";

/** The close code the browser host uses for a missing or wrong token. */
export const unauthorizedCloseCode = 4401;

export type SocketTransportOptions = {
    /** Opens the socket; tests may pass a fake. */
    createSocket?: (url: string) => WebSocket;
    /** Milliseconds to wait before reconnect attempt `attempt` (0 for the first retry). */
    retryDelay?: (attempt: number) => number;
};

/** Doubles from 250 ms up to 5 s, with some jitter so that several tabs do not retry in step. */
export function defaultRetryDelay(attempt: number): number {
    return Math.min(5_000, 250 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
}

/**
 * The browser host's transport: the contract over one WebSocket. Calls made while the first
 * connection opens wait for it; when the socket closes every pending call fails with a message the
 * UI can show and the socket reconnects with backoff, except when the server refused the token.
 */
export class SocketTransport implements Transport {
    readonly #url: string;
    readonly #createSocket: (url: string) => WebSocket;
    readonly #retryDelay: (attempt: number) => number;
    readonly #pending = new Map<number, (result: Result<unknown>) => void>();
    readonly #queued: WireRequest[] = [];
    readonly #eventListeners = new Set<(message: EventMessage) => void>();
    readonly #statusListeners = new Set<(status: ConnectionStatus) => void>();
    #socket: WebSocket | null = null;
    #status: ConnectionStatus = "connecting";
    #attempt = 0;
    #nextId = 1;
    #retryTimer: ReturnType<typeof setTimeout> | null = null;
    #disposed = false;

    constructor(url: string, options: SocketTransportOptions = {}) {
        this.#url = url;
        this.#createSocket = options.createSocket ?? ((address) => new WebSocket(address));
        this.#retryDelay = options.retryDelay ?? defaultRetryDelay;
        this.#connect();
    }

    get status(): ConnectionStatus {
        return this.#status;
    }

    invoke(method: string, args: unknown): Promise<Result<unknown>> {
        const refusal = this.#refusal();
        if (refusal) return Promise.resolve(fail(refusal));
        const request: WireRequest = { type: "invoke", id: this.#nextId++, method, args };
        return new Promise((resolve) => {
            this.#pending.set(request.id, resolve);
            if (this.#status === "open") this.#send(request);
            else this.#queued.push(request);
        });
    }

    subscribe(listener: (message: EventMessage) => void): () => void {
        this.#eventListeners.add(listener);
        return () => this.#eventListeners.delete(listener);
    }

    onStatus(listener: (status: ConnectionStatus) => void): () => void {
        this.#statusListeners.add(listener);
        return () => this.#statusListeners.delete(listener);
    }

    dispose(): void {
        this.#disposed = true;
        if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
        const socket = this.#socket;
        this.#socket = null;
        socket?.close();
        this.#failAll(lostConnectionError);
    }

    #refusal(): ErrorInfo | null {
        if (this.#disposed || this.#status === "reconnecting") return lostConnectionError;
        if (this.#status === "unauthorized" || this.#status === "missing-token") return unauthorizedError;
        return null;
    }

    #connect(): void {
        let socket: WebSocket;
        try {
            socket = this.#createSocket(this.#url);
        } catch {
            this.#handleClose(1006);
            return;
        }
        this.#socket = socket;
        socket.addEventListener("open", () => {
            if (this.#socket !== socket) return;
            this.#attempt = 0;
            this.#setStatus("open");
            for (const request of this.#queued.splice(0)) this.#send(request);
        });
        socket.addEventListener("message", (event: MessageEvent) => {
            if (this.#socket === socket) this.#handleMessage(event.data);
        });
        // An "error" event is always followed by "close", which is where recovery happens.
        socket.addEventListener("close", (event: CloseEvent) => {
            if (this.#socket !== socket) return;
            this.#socket = null;
            this.#handleClose(event.code);
        });
    }

    #handleClose(code: number): void {
        if (code === unauthorizedCloseCode) {
            this.#failAll(unauthorizedError);
            this.#setStatus("unauthorized");
            return;
        }
        this.#failAll(lostConnectionError);
        if (this.#disposed) return;
        this.#setStatus("reconnecting");
        this.#retryTimer = setTimeout(() => {
            this.#retryTimer = null;
            this.#connect();
        }, this.#retryDelay(this.#attempt++));
    }

    #send(request: WireRequest): void {
        try {
            this.#socket?.send(JSON.stringify(request));
        } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            this.#settle(request.id, fail({ kind: "internal", message: `Could not send ${request.method}: ${reason}` }));
        }
    }

    #handleMessage(data: unknown): void {
        const message = parseWireResponse(data);
        if (!message) return;
        if (message.type === "result") {
            this.#settle(message.id, message.result);
            return;
        }
        const { type: _type, ...event } = message;
        for (const listener of this.#eventListeners) {
            try {
                listener(event as EventMessage);
            } catch (error) {
                // One failing handler must not starve the others of events.
                console.error("Locus event handler failed", error);
            }
        }
    }

    #settle(id: number, result: Result<unknown>): void {
        const resolve = this.#pending.get(id);
        this.#pending.delete(id);
        resolve?.(result);
    }

    #failAll(error: ErrorInfo): void {
        this.#queued.length = 0;
        const pending = [...this.#pending.values()];
        this.#pending.clear();
        for (const resolve of pending) resolve(fail(error));
    }

    #setStatus(status: ConnectionStatus): void {
        if (this.#status === status) return;
        this.#status = status;
        for (const listener of this.#statusListeners) listener(status);
    }
}
