import type { IngestProgress } from "@common/contract/libraryTypes.js";
import { LocusError } from "@common/errors.js";
import type { LibraryReader } from "../store/library/LibraryReader.js";
import type { LibraryWriter } from "../store/library/LibraryWriter.js";
import type { DocumentSource, LibraryDocument } from "../store/library/types.js";
import type { DocumentIndexer, IndexOutcome, PreparedDocument } from "./DocumentIndexer.js";
import { embeddingModelId } from "./embeddingModelId.js";
import { IngestProgressTracker } from "./IngestProgressTracker.js";
import type { ProvideEmbedder, IngestEmbedder } from "./types.js";

export const noEmbeddingModelReason = "Choose an embedding model in Settings to index documents.";

/** A document with more new chunks than this to embed is large: smaller documents queued meanwhile go first. */
export const largeDocumentChunks = 64;
/** How often a large document looks for smaller ones waiting. */
const yieldCheckIntervalMs = 1_000;
/** After a full disk stopped indexing, how long until it tries again. */
export const diskFullRetryMs = 60_000;

export type IngestLoopOptions = {
    store: LibraryReader & LibraryWriter;
    indexer: DocumentIndexer;
    embedder: ProvideEmbedder;
    threads: number;
    /** Kills the parser process, abandoning a parse in flight. */
    stopParser: () => Promise<void>;
    /** `final`: the run just ended, send it now rather than throttled. */
    onProgress: (final: boolean) => void;
    onDocumentsChanged: () => void;
    now?: () => number;
    /** See `largeDocumentChunks` (tests make it smaller). */
    largeDocumentChunks?: number;
    /** See `diskFullRetryMs` (tests make it shorter). */
    diskFullRetryMs?: number;
};

/** The document being indexed, with the file facts it started from. */
type Current = {
    id: string; sizeBytes: number; mtimeMs: number; abort: AbortController; done: Promise<unknown>; requeue?: DocumentSource;
    /** Its parse is over: stopping it must not kill the parser, which may be reading the next document. */
    parsed?: boolean;
};
/** The next document, parsed and chunked while the current one is embedding. */
type Ahead = { id: string; abort: AbortController; prepared: Promise<PreparedDocument> };

/**
 * The worker side of the ingest queue: while documents are `queued`, gets the embedding model and
 * indexes them one at a time, oldest first, counting the run for the progress bar.
 */
export class IngestLoop {
    readonly #tracker: IngestProgressTracker;
    #running: Promise<void> | null = null;
    #wakeRequested = false;
    #checkModel = false;
    #abort = new AbortController();
    #current: Current | null = null;
    #ahead: Ahead | null = null;
    #disposed = false;
    /** Set while indexing waits for disk space: the reason stays shown until a run gets past it. */
    #diskFull: { reason: string; retry: NodeJS.Timeout } | null = null;

    constructor(private readonly options: IngestLoopOptions) {
        this.#tracker = new IngestProgressTracker(options.now);
    }

    /** Runs the queue unless it runs already (then it looks again before stopping). */
    wake(options: { checkModel?: boolean } = {}): void {
        this.#wakeRequested = true;
        if (options.checkModel) this.#checkModel = true;
        if (this.#running !== null || this.#disposed) return;
        this.#running = this.#drain()
            .catch((error: unknown) => console.error("Locus: the ingest queue stopped:", error))
            .finally(() => {
                this.#running = null;
                this.#tracker.endRun();
                this.options.onProgress(true);
                this.options.onDocumentsChanged();
                if (this.#wakeRequested && !this.#abort.signal.aborted) this.wake();
            });
    }

    /** A document was (re)queued: count it in the run under way, and redo it if it changed while being indexed. */
    queued(document: LibraryDocument, source: DocumentSource): void {
        if (this.#tracker.running) this.#tracker.include(document.id, document.sizeBytes);
        const current = this.#current;
        if (current?.id === document.id && (source.sizeBytes !== current.sizeBytes || source.mtimeMs !== current.mtimeMs))
            current.requeue = source;
        // Read ahead from a version of the file that is now stale: it is read again at its turn.
        const ahead = this.#ahead;
        if (ahead?.id === document.id) {
            ahead.abort.abort();
            this.#ahead = null;
        }
    }

    /** Stops indexing this document if it is under way, and waits until it has let go. */
    async stopDocument(documentId: string): Promise<void> {
        const ahead = this.#ahead;
        if (ahead?.id === documentId) {
            ahead.abort.abort();
            await this.options.stopParser();
            await ahead.prepared;
            return;
        }
        const current = this.#current;
        if (current?.id !== documentId) return;
        current.abort.abort();
        if (!current.parsed) await this.options.stopParser();
        await current.done;
    }

    forget(documentId: string): void {
        this.#tracker.forget(documentId);
        this.options.onProgress(false);
    }

    /** Stops the run: the current document is abandoned where it is. */
    async stop(): Promise<void> {
        this.#abort.abort();
        await this.options.stopParser();
        await this.idle();
    }

    countFailed(document: LibraryDocument): void {
        this.#tracker.include(document.id, document.sizeBytes);
        this.#tracker.finish(document.id, "failed");
    }

    /** After a cancel: the next wake starts a fresh run. */
    endCancelledRun(): void {
        this.#tracker.endRun();
        this.#tracker.block(null);
        this.#abort = new AbortController();
        this.options.onProgress(true);
    }

    progress(): IngestProgress {
        return this.#tracker.snapshot();
    }

    async idle(): Promise<void> {
        while (this.#running !== null) await this.#running;
    }

    /** Scanned pages of a document read so far (from the parser); null when its parse is over. */
    reportReading(documentId: string, name: string, pages: { done: number; total: number; unit: "page" | "message" } | null): void {
        this.#tracker.setReading(documentId, name, pages);
        this.options.onProgress(false);
    }

    async dispose(): Promise<void> {
        this.#disposed = true;
        if (this.#diskFull !== null) clearTimeout(this.#diskFull.retry);
        this.#abort.abort();
        await this.options.stopParser();
        await this.idle();
    }

    async #drain(): Promise<void> {
        const { store } = this.options;
        const signal = this.#abort.signal;
        while (!signal.aborted && !this.#disposed) {
            this.#wakeRequested = false;
            const waiting = store.listFiles(["queued"]);
            const checkModel = this.#checkModel;
            this.#checkModel = false;
            if (waiting.length === 0 && !checkModel) return;

            this.#tracker.startRun();
            // A new run starts afresh: an old "choose an embedding model" must not linger while the model loads.
            // A full disk is still named until a document gets saved.
            this.#tracker.block(this.#diskFull?.reason ?? null);
            waiting.forEach((document) => this.#tracker.include(document.id, document.sizeBytes));
            this.options.onProgress(false);
            const model = await this.#acquireEmbedder(waiting.length > 0);
            if (model === null) return;

            // Listed again: a new embedding model has just re-queued the whole library. Smallest first, so a
            // large document never holds up small ones (oldest first among equals).
            const listed = bySize(store.listFiles(["queued"]));
            try {
                for (const [index, { id }] of listed.entries()) {
                    if (signal.aborted || this.#disposed) return;
                    const ahead = this.#ahead?.id === id ? this.#ahead : null;
                    if (ahead !== null) this.#ahead = null;
                    const document = store.getDocument(id);
                    // Prepared ahead, it is `parsing` now; otherwise only a document still queued is due.
                    if (document === undefined || (ahead === null && document.status !== "queued")) continue;
                    const following = () => this.#prepareAhead(listed.slice(index + 1), model.embedder, signal);
                    const status = await this.#indexOne(document, model, signal, ahead, following);
                    // Retry: the model changed. Yielded: smaller documents arrived; both list the queue again.
                    if (status === "retry" || status === "yielded") break;
                    // Every next document would fail the same way: the run stops and tries again later.
                    if (status === "disk-full") return;
                }
            } finally {
                await this.#dropAhead();
            }
        }
    }

    /** Starts reading and chunking the next queued document, so it is ready when the current one is saved. */
    #prepareAhead(rest: readonly LibraryDocument[], embedder: IngestEmbedder, runSignal: AbortSignal): void {
        // One document ahead at most; one read ahead already waits for its turn (a re-queued file came first).
        if (this.#ahead !== null) return;
        const next = rest.map(({ id }) => this.options.store.getDocument(id)).find((document) => document?.status === "queued");
        if (next === undefined || runSignal.aborted || this.#disposed) return;
        const abort = new AbortController();
        this.#ahead = { id: next.id, abort, prepared: this.options.indexer.prepare(next, embedder, AbortSignal.any([runSignal, abort.signal])) };
    }

    /** A document prepared ahead whose turn will not come in this run goes back to the queue. */
    async #dropAhead(): Promise<void> {
        const ahead = this.#ahead;
        this.#ahead = null;
        if (ahead === null) return;
        ahead.abort.abort();
        await ahead.prepared;
        const document = this.options.store.getDocument(ahead.id);
        if (document?.status === "parsing") this.options.store.setStatus(ahead.id, "queued");
    }

    /** The embedding model, recorded as the library's; null (with the reason shown) when there is none or it cannot load. */
    async #acquireEmbedder(needed: boolean): Promise<{ embedder: IngestEmbedder; id: string } | null> {
        let embedder: IngestEmbedder | null;
        let reindex: boolean;
        try {
            embedder = await this.options.embedder({ threads: this.options.threads });
            if (embedder === null) {
                this.#tracker.block(needed ? noEmbeddingModelReason : null);
                return null;
            }
            ({ reindex } = this.options.store.setEmbeddingModel({ id: embeddingModelId(embedder.identity), dimension: embedder.identity.dimension }));
        } catch (error) {
            const message = error instanceof LocusError ? error.message : `The embedding model could not be loaded (${String(error)}).`;
            this.#tracker.block(needed ? message : null);
            return null;
        }
        this.#tracker.block(this.#diskFull?.reason ?? null);
        if (reindex) {
            this.options.store.listFiles(["queued"]).forEach((document) => this.#tracker.include(document.id, document.sizeBytes));
            this.options.onDocumentsChanged();
        }
        return { embedder, id: embeddingModelId(embedder.identity) };
    }

    async #indexOne(
        document: LibraryDocument, model: { embedder: IngestEmbedder; id: string }, runSignal: AbortSignal,
        ahead: Ahead | null, prepareNext: () => void
    ): Promise<IndexOutcome["status"]> {
        const abort = new AbortController();
        const tracker = this.#tracker;
        const largeAfter = this.options.largeDocumentChunks ?? largeDocumentChunks;
        let toEmbed = 0;
        let lastCheck = performance.now();
        // A large document gives way, between batches, to smaller documents queued after it started.
        const shouldYield = (): boolean => {
            if (toEmbed <= largeAfter || performance.now() - lastCheck < yieldCheckIntervalMs) return false;
            lastCheck = performance.now();
            return this.options.store.listFiles(["queued"]).some((other) => other.id !== document.id && other.sizeBytes < document.sizeBytes);
        };
        tracker.include(document.id, document.sizeBytes);
        tracker.begin(document.id, document.displayName);
        this.options.onProgress(false);
        this.options.onDocumentsChanged();
        // Removing or cancelling this document must also stop the reading that ran ahead for it.
        if (ahead !== null) abort.signal.addEventListener("abort", () => ahead.abort.abort(), { once: true });
        const done = this.options.indexer.index(document, model.embedder, model.id, {
            signal: AbortSignal.any([runSignal, abort.signal]),
            onChunks: (count) => {
                tracker.addChunks(count);
                this.options.onProgress(false);
            },
            onFraction: (fraction) => tracker.setFraction(fraction),
            shouldYield,
            onEmbeddingPlan: (plan) => {
                toEmbed = plan.toEmbed;
                tracker.setPlan(plan);
                this.options.onProgress(false);
            },
            onParsed: () => {
                current.parsed = true;
                prepareNext();
            }
        }, ahead?.prepared);
        const current: Current = { id: document.id, sizeBytes: document.sizeBytes, mtimeMs: document.mtimeMs, abort, done };
        this.#current = current;
        const outcome = await done;
        this.#current = null;
        this.#settle(document, outcome);
        if (current.requeue !== undefined && this.options.store.getDocument(document.id) !== undefined)
            this.options.store.queueDocument(current.requeue); // edited while being indexed: the stored version is already stale
        this.options.onDocumentsChanged();
        this.options.onProgress(false);
        return outcome.status;
    }

    /** The document goes back to the queue (never failed for want of space), and indexing tries again later. */
    #pauseForDisk(document: LibraryDocument, reason: string): void {
        try {
            if (this.options.store.getDocument(document.id) !== undefined) this.options.store.setStatus(document.id, "queued");
        } catch (error) {
            // Even that small write did not fit: the next start re-queues a document left in progress.
            console.error("Locus: could not put the document back in the queue:", error);
        }
        this.#tracker.forget(document.id);
        this.#tracker.block(reason);
        if (this.#diskFull !== null) clearTimeout(this.#diskFull.retry);
        const retry = setTimeout(() => this.wake(), this.options.diskFullRetryMs ?? diskFullRetryMs);
        retry.unref();
        this.#diskFull = { reason, retry };
        // Asking again at once would only hit the same full disk.
        this.#wakeRequested = false;
    }

    #settle(document: LibraryDocument, outcome: IndexOutcome): void {
        const { store } = this.options;
        const exists = store.getDocument(document.id) !== undefined;
        if (outcome.status !== "disk-full" && outcome.status !== "stopped" && this.#diskFull !== null) {
            clearTimeout(this.#diskFull.retry);
            this.#diskFull = null;
            this.#tracker.block(null);
        }
        switch (outcome.status) {
            case "indexed":
                this.#tracker.finish(document.id, "indexed");
                return;
            case "disk-full":
                this.#pauseForDisk(document, outcome.reason);
                return;
            case "failed":
                if (!exists) return this.#tracker.forget(document.id);
                store.markFailed(document.id, outcome.reason);
                this.#tracker.finish(document.id, "failed");
                return;
            case "stopped":
                // Removed: out of the counts. Cancelled: `cancel()` marks it failed with the others.
                if (!exists) this.#tracker.forget(document.id);
                return;
            case "retry":
            case "yielded":
                if (exists) store.setStatus(document.id, "queued");
                return;
            default:
                outcome satisfies never;
        }
    }
}

/** Smallest first; the store lists oldest first, and the sort is stable. */
function bySize(documents: LibraryDocument[]): LibraryDocument[] {
    return [...documents].sort((a, b) => a.sizeBytes - b.sizeBytes);
}
