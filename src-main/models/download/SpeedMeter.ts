type Sample = { at: number; bytes: number };

/**
 * Transfer rate over a sliding window. Written here rather than taken from the downloader because
 * ipull divides by a fixed 10-second window, which shows a tenth of the real speed (and ten times
 * the time left) during a download's first seconds.
 */
export class SpeedMeter {
    #samples: Sample[] = [];

    constructor(private readonly windowMs = 5_000, private readonly now: () => number = Date.now) {}

    /** Records the running total of bytes done. */
    add(bytes: number): void {
        const at = this.now();
        this.#samples.push({ at, bytes });
        while (this.#samples.length > 2 && at - this.#samples[1]!.at >= this.windowMs) this.#samples.shift();
    }

    /** Bytes per second over the window; 0 until two samples at least 100 ms apart exist. */
    bytesPerSecond(): number {
        const first = this.#samples[0];
        const last = this.#samples.at(-1);
        if (first == null || last == null || last.at - first.at < 100) return 0;
        return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
    }

    /** Seconds until `totalBytes` at the current rate; null while the rate is unknown. */
    secondsLeft(totalBytes: number): number | null {
        const speed = this.bytesPerSecond();
        const last = this.#samples.at(-1);
        if (speed <= 0 || last == null) return null;
        return Math.max(0, (totalBytes - last.bytes) / speed);
    }

    reset(): void {
        this.#samples = [];
    }
}
