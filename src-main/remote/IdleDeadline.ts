/**
 * Aborts a request when the server stays silent too long: `firstMs` until the first piece of the answer
 * (the server may be reading a long prompt), then `idleMs` between pieces. The caller's own signal aborts it too.
 */
export class IdleDeadline {
    readonly #controller = new AbortController();
    #timer: ReturnType<typeof setTimeout> | null = null;
    #expiredAfterMs: number | null = null;
    readonly #forward: () => void;

    constructor(private readonly firstMs: number, private readonly idleMs: number, private readonly caller?: AbortSignal) {
        this.#forward = () => this.#controller.abort(caller?.reason);
        caller?.addEventListener("abort", this.#forward, { once: true });
        if (caller?.aborted) this.#forward();
        this.#arm(firstMs);
    }

    get signal(): AbortSignal {
        return this.#controller.signal;
    }

    /** Seconds of silence after which it gave up, or null when it did not. */
    get expiredAfterSeconds(): number | null {
        return this.#expiredAfterMs == null ? null : Math.round(this.#expiredAfterMs / 1000);
    }

    /** The server said something: the silence count starts again. */
    alive(): void {
        this.#arm(this.idleMs);
    }

    dispose(): void {
        if (this.#timer != null) clearTimeout(this.#timer);
        this.caller?.removeEventListener("abort", this.#forward);
    }

    #arm(ms: number): void {
        if (this.#timer != null) clearTimeout(this.#timer);
        this.#timer = setTimeout(() => {
            this.#expiredAfterMs = ms;
            this.#controller.abort(new Error(`No answer for ${ms} ms`));
        }, ms);
    }
}
