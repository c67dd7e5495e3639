/**
 * Calls `fire` at most once per interval: the first request fires at once, later ones within the
 * interval collapse into one call at its end, so the last state is never lost.
 */
export class Throttle {
    #last = Number.NEGATIVE_INFINITY;
    #timer: NodeJS.Timeout | undefined;

    constructor(
        private readonly intervalMs: number,
        private readonly fire: () => void,
        private readonly now: () => number = () => performance.now()
    ) {}

    request(): void {
        if (this.#timer !== undefined) return;
        const wait = this.#last + this.intervalMs - this.now();
        if (wait <= 0) return this.flush();
        this.#timer = setTimeout(() => this.flush(), wait);
        this.#timer.unref?.();
    }

    /** Fires now (e.g. for the final state of a run) and drops a pending call. */
    flush(): void {
        clearTimeout(this.#timer);
        this.#timer = undefined;
        this.#last = this.now();
        this.fire();
    }

    dispose(): void {
        clearTimeout(this.#timer);
        this.#timer = undefined;
    }
}
