import { QueueFullError } from "./QueueFullError.js";

/** Who is asking: the person in the app's own chat, or another program through the local API. */
export type TurnLane = "app" | "api";

export type GenerationTurnsOptions = {
    /** Waiting requests per lane beyond which new ones are refused (default 8). */
    maxWaiting?: number;
    /** Seconds a refused caller is told to wait before trying again (default 2). */
    retryAfterSeconds?: number;
};

type Waiter = { lane: TurnLane; start: () => void };

/**
 * Turns on the engine's one context sequence: one generation at a time, and when both lanes wait, they
 * alternate, so the app's chat never waits behind more than one API request however many are queued (and
 * the other way round). Within a lane, first come first served. A full lane refuses at once (QueueFullError,
 * HTTP 429 with retry-after) rather than letting waits grow without bound.
 */
export class GenerationTurns {
    readonly #waiting: Record<TurnLane, Waiter[]> = { app: [], api: [] };
    #busy = false;
    #lastLane: TurnLane = "api";

    constructor(private readonly options: GenerationTurnsOptions = {}) {}

    /** Requests waiting in a lane (not counting the one running). */
    waiting(lane: TurnLane): number {
        return this.#waiting[lane].length;
    }

    get busy(): boolean {
        return this.#busy;
    }

    /**
     * Runs `section` when its turn comes. An abort while waiting leaves the queue at once (rejecting with
     * the signal's reason); an abort while running is the section's own business (it gets the same signal).
     */
    async run<T>(lane: TurnLane, section: () => Promise<T>, signal?: AbortSignal): Promise<T> {
        signal?.throwIfAborted();
        await this.#acquire(lane, signal);
        try {
            return await section();
        } finally {
            this.#release();
        }
    }

    #acquire(lane: TurnLane, signal: AbortSignal | undefined): Promise<void> {
        if (!this.#busy) {
            this.#busy = true;
            this.#lastLane = lane;
            return Promise.resolve();
        }
        const queue = this.#waiting[lane];
        const limit = this.options.maxWaiting ?? 8;
        if (queue.length >= limit) return Promise.reject(new QueueFullError(queue.length, this.options.retryAfterSeconds ?? 2));
        return new Promise<void>((resolve, reject) => {
            const onAbort = () => {
                const index = queue.indexOf(waiter);
                if (index >= 0) queue.splice(index, 1);
                reject(signal?.reason);
            };
            const waiter: Waiter = {
                lane,
                start: () => {
                    signal?.removeEventListener("abort", onAbort);
                    resolve();
                }
            };
            queue.push(waiter);
            signal?.addEventListener("abort", onAbort, { once: true });
        });
    }

    #release(): void {
        const other: TurnLane = this.#lastLane === "app" ? "api" : "app";
        const next = this.#waiting[other].shift() ?? this.#waiting[this.#lastLane].shift();
        if (next == null) {
            this.#busy = false;
            return;
        }
        this.#lastLane = next.lane;
        next.start();
    }
}
