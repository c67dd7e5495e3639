import cliProgress from "cli-progress";
import type { IngestProgress } from "@common/contract/libraryTypes.js";

/** Without a terminal (logs, pipes), one plain line at most this often. */
const plainLineIntervalMs = 2_000;

/**
 * Shows ingest progress: a progress bar on a terminal, occasional plain lines otherwise, so a log of
 * a scripted run still shows it advancing.
 */
export class IngestProgressView {
    readonly #bar: cliProgress.SingleBar | null;
    #started = false;
    #lastLine = 0;

    constructor(private readonly stream: NodeJS.WriteStream) {
        this.#bar = stream.isTTY
            ? new cliProgress.SingleBar({
                stream, hideCursor: true, clearOnComplete: false, etaBuffer: 1,
                format: "Indexing |{bar}| {value}/{total} files | {failed} failed | {speed} | {left} | {file}"
            }, cliProgress.Presets.shades_classic)
            : null;
    }

    update(progress: IngestProgress): void {
        const payload = payloadOf(progress);
        if (this.#bar !== null) {
            if (!this.#started) this.#bar.start(progress.filesTotal, progress.filesDone, payload);
            this.#started = true;
            this.#bar.setTotal(progress.filesTotal);
            this.#bar.update(progress.filesDone, payload);
            return;
        }
        const now = performance.now();
        if (!progress.running || now - this.#lastLine < plainLineIntervalMs) return;
        this.#lastLine = now;
        this.stream.write(`${progress.filesDone}/${progress.filesTotal} files, ${payload.failed} failed, ${payload.speed}, ${payload.left}: ${payload.file}\n`);
    }

    stop(progress: IngestProgress): void {
        if (this.#bar === null || !this.#started) return;
        this.#bar.update(progress.filesDone, payloadOf(progress));
        this.#bar.stop();
    }
}

function payloadOf(progress: IngestProgress): { failed: number; speed: string; left: string; file: string } {
    return {
        failed: progress.filesFailed,
        speed: progress.chunksPerSecond === null ? "… chunks/s" : `${progress.chunksPerSecond.toFixed(1)} chunks/s`,
        left: progress.secondsLeft === null ? "time left unknown" : `${formatSeconds(progress.secondsLeft)} left`,
        file: describeCurrent(progress)
    };
}

/** The file being read, with its own progress when it is being embedded: "big.pdf 120/900 chunks, 2 min 10 s left". */
function describeCurrent(progress: IngestProgress): string {
    const reading = progress.reading;
    if (reading != null && reading.name === progress.current) {
        const at = `${Math.min(reading.pagesDone + 1, reading.pagesTotal)}/${reading.pagesTotal}`;
        return reading.unit === "message" ? `${reading.name} message ${at}` : `${reading.name} page ${at} (text recognition)`;
    }
    const document = progress.document;
    if (document == null || document.name !== progress.current) return progress.current ?? "";
    const reused = document.chunksReused > 0 ? ` (${document.chunksReused} reused)` : "";
    const left = document.secondsLeft === null ? "" : `, ${formatSeconds(document.secondsLeft)} left`;
    return `${document.name} ${document.chunksDone}/${document.chunksTotal} chunks${reused}${left}`;
}

function formatSeconds(seconds: number): string {
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
