import type http from "node:http";

/**
 * Server-sent events in the form OpenAI's clients read: `data: <json>` blocks, ended by `data: [DONE]`.
 * Headers go out with the first event, so a request that fails before it (queue full, unknown model)
 * still gets a proper HTTP status and a JSON error.
 */
export class SseWriter {
    #started = false;

    constructor(private readonly res: http.ServerResponse, private readonly headers: Readonly<Record<string, string>> = {}) {}

    get started(): boolean {
        return this.#started;
    }

    send(data: unknown): void {
        this.#start();
        this.res.write(`data: ${JSON.stringify(data)}\n\n`);
    }

    /** Ends the stream the way OpenAI's does. */
    done(): void {
        this.#start();
        this.res.end("data: [DONE]\n\n");
    }

    #start(): void {
        if (this.#started) return;
        this.#started = true;
        // Each token leaves at once: Nagle's algorithm would hold small writes back for an acknowledgement.
        this.res.socket?.setNoDelay(true);
        this.res.writeHead(200, {
            ...this.headers,
            "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no"
        });
    }
}
