import type { TrainingRunInfo } from "@common/contract/personalizeTypes.js";

/** Without a terminal (logs, pipes), one line at most this often. */
const plainLineIntervalMs = 2_000;

/**
 * One progress line per report for `locus train`: rewritten in place on a terminal, printed now and
 * then otherwise, so a log of a scripted run still shows it advancing.
 */
export class TrainingProgressView {
    #lastLine = Number.NEGATIVE_INFINITY;
    #lastStep = -1;
    #open = false;

    constructor(private readonly stream: NodeJS.WriteStream) {}

    update(run: TrainingRunInfo): void {
        if (run.state !== "training" || run.step === this.#lastStep) return;
        this.#lastStep = run.step;
        const line = describeProgress(run);
        if (this.stream.isTTY) {
            this.stream.write(`\r${line}\x1b[K`);
            this.#open = true;
            return;
        }
        const now = performance.now();
        if (now - this.#lastLine < plainLineIntervalMs) return;
        this.#lastLine = now;
        this.stream.write(`${line}\n`);
    }

    /** Ends the line being rewritten, so what follows starts on its own line. */
    stop(): void {
        if (this.#open) this.stream.write("\n");
        this.#open = false;
    }
}

/** "step 12 · loss 3.412 · val loss 3.501 · 182 tokens/s · 0:48 left" */
export function describeProgress(run: TrainingRunInfo): string {
    const parts = [`step ${String(run.step)}`];
    if (run.trainLoss !== null) parts.push(`loss ${run.trainLoss.toFixed(3)}`);
    parts.push(`val loss ${run.validationLoss === null ? "–" : run.validationLoss.toFixed(3)}`);
    if (run.tokensPerSecond !== null) parts.push(`${run.tokensPerSecond.toFixed(0)} tokens/s`);
    parts.push(run.secondsLeft === null ? "time left unknown" : `${formatDuration(run.secondsLeft)} left`);
    return parts.join(" · ");
}

/** m:ss, or h:mm:ss past an hour. */
export function formatDuration(seconds: number): string {
    const total = Math.max(0, Math.round(seconds));
    const s = String(total % 60).padStart(2, "0");
    const minutes = Math.floor(total / 60);
    if (minutes < 60) return `${String(minutes)}:${s}`;
    return `${String(Math.floor(minutes / 60))}:${String(minutes % 60).padStart(2, "0")}:${s}`;
}
