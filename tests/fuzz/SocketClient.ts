import { WebSocket } from "ws";

/** A contract client over the browser host's WebSocket that can also send frames no client should. */
export class SocketClient {
    readonly #ws: WebSocket;
    readonly #pending = new Map<number, (answer: unknown) => void>();
    #nextId = 1;
    closed: { code: number; reason: string } | null = null;

    private constructor(ws: WebSocket) {
        this.#ws = ws;
        ws.on("message", (data) => {
            const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: unknown };
            if (message.type !== "result" || message.id === undefined) return;
            this.#pending.get(message.id)?.(message.result);
            this.#pending.delete(message.id);
        });
        ws.on("close", (code, reason) => {
            this.closed = { code, reason: reason.toString() };
            for (const [id, resolve] of this.#pending) resolve({ transportClosed: true, id });
            this.#pending.clear();
        });
    }

    static connect(url: string, origin: string): Promise<SocketClient> {
        const ws = new WebSocket(url, { origin });
        return new Promise((resolve, reject) => {
            ws.once("open", () => resolve(new SocketClient(ws)));
            ws.once("error", reject);
        });
    }

    invoke(method: string, args: unknown): Promise<unknown> {
        if (this.closed !== null) return Promise.reject(new Error(`the socket is closed (${this.closed.code} ${this.closed.reason})`));
        const id = this.#nextId++;
        return new Promise((resolve) => {
            this.#pending.set(id, resolve);
            this.#ws.send(JSON.stringify({ type: "invoke", id, method, args }));
        });
    }

    /** A frame that is not a well-formed request: the host must ignore it and keep the socket open. */
    sendRaw(frame: string | Buffer): void {
        this.#ws.send(frame);
    }

    close(): void {
        this.#ws.close();
    }
}
