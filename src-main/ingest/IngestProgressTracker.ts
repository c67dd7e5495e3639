import type { IngestProgress } from "@common/contract/libraryTypes.js";

type RunFile = { sizeBytes: number; state: "pending" | "indexed" | "failed" };

/** Chunk rate is measured over this recent window, so it follows the current files, not the whole run. */
const rateWindowMs = 10_000;
/** Small files cost time beyond their bytes (parsing, one transaction each): count each as at least this. */
const minFileWeightBytes = 16 * 1024;
/** Estimates over less than this are noise. */
const minElapsedMs = 1_000;

/**
 * The numbers of the progress bar, for one run of the ingest queue: files done of total and failed,
 * chunks embedded per second, and time left, estimated from the bytes of the files still to do at
 * the rate (bytes per second) of the run so far. Time is injected so the arithmetic can be tested.
 */
export class IngestProgressTracker {
    readonly #files = new Map<string, RunFile>();
    #startedAt = 0;
    /** When the first document of the run began: model loading before it says nothing about the rate. */
    #firstBeganAt: number | null = null;
    #endedAt: number | null = null;
    #running = false;
    #blockedReason: string | null = null;
    #current: { id: string; name: string; fraction: number; plan: { toEmbed: number; reused: number; done: number } | null } | null = null;
    #reading: { id: string; name: string; pagesDone: number; pagesTotal: number; unit: "page" | "message" } | null = null;
    #chunks = 0;
    #samples: Array<{ at: number; chunks: number }> = [];

    constructor(private readonly now: () => number = () => performance.now()) {}

    /** Starts counting a new run, unless one is under way. */
    startRun(): void {
        if (this.#running) return;
        this.#files.clear();
        this.#running = true;
        this.#startedAt = this.now();
        this.#endedAt = null;
        this.#chunks = 0;
        this.#samples = [];
        this.#current = null;
        this.#firstBeganAt = null;
    }

    endRun(): void {
        if (!this.#running) return;
        this.#running = false;
        this.#endedAt = this.now();
        this.#current = null;
    }

    /** Counts a document in the current run (again: no effect). */
    include(documentId: string, sizeBytes: number): void {
        if (!this.#files.has(documentId)) this.#files.set(documentId, { sizeBytes, state: "pending" });
    }

    /** A document no longer in the library leaves the counts. */
    forget(documentId: string): void {
        this.#files.delete(documentId);
        if (this.#current?.id === documentId) this.#current = null;
    }

    begin(documentId: string, name: string): void {
        this.#current = { id: documentId, name, fraction: 0, plan: null };
        this.#firstBeganAt ??= this.now();
    }

    /** Scanned pages of a document read so far by text recognition; null: its reading is over. */
    setReading(documentId: string, name: string, pages: { done: number; total: number; unit: "page" | "message" } | null): void {
        if (pages !== null) this.#reading = { id: documentId, name, pagesDone: pages.done, pagesTotal: pages.total, unit: pages.unit };
        else if (this.#reading?.id === documentId) this.#reading = null;
    }

    /** How far the current document is (0..1), for the time estimate. */
    setFraction(fraction: number): void {
        if (this.#current !== null) this.#current.fraction = Math.min(1, Math.max(0, fraction));
    }

    /** The current document's embedding starts: how many inputs it must embed, and how many chunks reuse a vector. */
    setPlan(plan: { toEmbed: number; reused: number }): void {
        if (this.#current !== null) this.#current.plan = { ...plan, done: 0 };
    }

    addChunks(count: number): void {
        const at = this.now();
        if (this.#current?.plan) this.#current.plan.done += count;
        this.#chunks += count;
        this.#samples.push({ at, chunks: this.#chunks });
        // Keep the window's samples and the last one before it, which gives the count at the window's start.
        while (this.#samples.length > 1 && this.#samples[1]!.at <= at - rateWindowMs) this.#samples.shift();
    }

    finish(documentId: string, outcome: "indexed" | "failed"): void {
        const file = this.#files.get(documentId);
        if (file !== undefined) file.state = outcome;
        if (this.#current?.id === documentId) this.#current = null;
    }

    block(reason: string | null): void {
        this.#blockedReason = reason;
    }

    get running(): boolean {
        return this.#running;
    }

    snapshot(): IngestProgress {
        const files = [...this.#files.values()];
        return {
            running: this.#running,
            filesDone: files.filter((file) => file.state !== "pending").length,
            filesTotal: files.length,
            filesFailed: files.filter((file) => file.state === "failed").length,
            chunksPerSecond: this.#chunksPerSecond(),
            secondsLeft: this.#secondsLeft(files),
            current: this.#current?.name ?? null,
            blockedReason: this.#blockedReason,
            document: this.#documentProgress(),
            reading: this.#running && this.#reading !== null
                ? { name: this.#reading.name, pagesDone: this.#reading.pagesDone, pagesTotal: this.#reading.pagesTotal, unit: this.#reading.unit } : null
        };
    }

    #documentProgress(): IngestProgress["document"] {
        const current = this.#current;
        if (current?.plan == null) return null;
        const { toEmbed, reused, done } = current.plan;
        const rate = this.#chunksPerSecond();
        const left = Math.max(0, toEmbed - done);
        return {
            name: current.name, chunksDone: Math.min(done, toEmbed), chunksTotal: toEmbed, chunksReused: reused,
            secondsLeft: left === 0 ? 0 : rate === null || rate <= 0 ? null : Math.round(left / rate)
        };
    }

    #chunksPerSecond(): number | null {
        if (!this.#running) {
            // After a run: its average, the number a summary wants.
            const elapsed = (this.#endedAt ?? this.#startedAt) - this.#startedAt;
            return this.#chunks > 0 && elapsed > 0 ? (this.#chunks * 1000) / elapsed : null;
        }
        const first = this.#samples[0];
        if (first === undefined) return null;
        // Measured from the first embedded chunk: loading the model and starting the parser are not part of the rate.
        const now = this.now();
        const windowStart = Math.max(first.at, now - rateWindowMs);
        if (now - windowStart < minElapsedMs) return null;
        let before = 0;
        for (const sample of this.#samples) if (sample.at <= windowStart) before = sample.chunks;
        return ((this.#chunks - before) * 1000) / (now - windowStart);
    }

    #secondsLeft(files: RunFile[]): number | null {
        if (!this.#running) return null;
        const weight = (file: RunFile): number => Math.max(file.sizeBytes, minFileWeightBytes);
        let done = 0;
        let left = 0;
        for (const file of files) {
            if (file.state === "pending") left += weight(file);
            else done += weight(file);
        }
        const current = this.#current === null ? undefined : this.#files.get(this.#current.id);
        if (current?.state === "pending") {
            const currentDone = weight(current) * this.#current!.fraction;
            done += currentDone;
            left -= currentDone;
        }
        if (left <= 0) return 0;
        // Nothing to extrapolate from until a file is through: the first one also pays for starting the parser.
        if (!files.some((file) => file.state !== "pending")) return null;
        const elapsed = this.now() - (this.#firstBeganAt ?? this.#startedAt);
        if (done <= 0 || elapsed < minElapsedMs) return null;
        return Math.round((left * elapsed) / done / 1000);
    }
}
