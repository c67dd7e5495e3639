import fs from "node:fs/promises";
import path from "node:path";
import type { IngestProgress } from "@common/contract/libraryTypes.js";
import { InvalidInputError, NotFoundError } from "@common/errors.js";
import { hashFile } from "../models/download/hashFile.js";
import type { LibraryReader } from "../store/library/LibraryReader.js";
import type { LibraryWriter } from "../store/library/LibraryWriter.js";
import type { DocumentSource, LibraryDocument } from "../store/library/types.js";
import { DocumentIndexer } from "./DocumentIndexer.js";
import { expandPaths, type FoundFile } from "./expandPaths.js";
import { cancelledReason } from "./failureReason.js";
import { IngestLoop } from "./IngestLoop.js";
import { Listeners } from "./Listeners.js";
import { isUnchanged } from "./isUnchanged.js";
import { ParserClient } from "./parse/ParserClient.js";
import type { ParseLimits } from "./parse/types.js";
import { Throttle } from "./Throttle.js";
import type { AddResult, DocumentParser, ProvideEmbedder } from "./types.js";

export type IngestServiceOptions = {
    /** The library; ingestion writes documents, chunks and vectors through it. */
    store: LibraryReader & LibraryWriter;
    /** The embedding model to index with, asked for at each run (null: none chosen yet). */
    embedder: ProvideEmbedder;
    /** Threads for the embedding model, already within the CPU's cores (see engine/chooseThreads). */
    threads: number;
    /** Makes the document parser; a new one replaces a parser stopped mid-file. Default: ParserClient. */
    createParser?: () => DocumentParser;
    /** Chunks per embedding call; cancelling takes effect between calls (default 16). */
    embedBatchSize?: number;
    /** Least time between two progress (or documents-changed) notifications (default 250 ms: 4 a second). */
    notifyIntervalMs?: number;
    /** Most files one `add` may queue (default 100,000). */
    maxFilesPerAdd?: number;
    now?: () => number;
    /** The per-document parse limits in force now (the person's Settings), asked for each document. */
    limits?: () => Partial<ParseLimits>;
    /** Whether pictures found in folders are collected too (Settings: "Read text in pictures found in folders"); off by default. */
    readPicturesInFolders?: () => boolean;
    /** More new chunks than this make a document large: smaller documents queued meanwhile go first (default 64). */
    largeDocumentChunks?: number;
    /** How long indexing waits on a full disk before trying again (default a minute; tests make it shorter). */
    diskFullRetryMs?: number;
};

/**
 * The persistent ingest queue. Documents wait in the library as `queued`; a loop takes them oldest
 * first and indexes each (parse in the parser process, chunk, embed in batches, one transaction),
 * so every file ends `indexed` or `failed` with a reason, and a crash or kill leaves only whole
 * documents: `start()` re-queues what was interrupted and carries on.
 */
export class IngestService {
    readonly #store: LibraryReader & LibraryWriter;
    readonly #loop: IngestLoop;
    readonly #progressListeners = new Listeners<IngestProgress>("ingest progress");
    readonly #documentListeners = new Listeners<void>("library change");
    readonly #progressThrottle: Throttle;
    readonly #documentsThrottle: Throttle;
    #parser: DocumentParser | null = null;

    constructor(private readonly options: IngestServiceOptions) {
        this.#store = options.store;
        const interval = options.notifyIntervalMs ?? 250;
        this.#progressThrottle = new Throttle(interval, () => this.#progressListeners.emit(this.progress()));
        this.#documentsThrottle = new Throttle(interval, () => this.#documentListeners.emit());
        const indexer = new DocumentIndexer({
            store: this.#store, batchSize: options.embedBatchSize ?? 16, parser: () => (this.#parser ??= this.#createParser()),
            ...(options.limits ? { limits: options.limits } : {}),
            onReadProgress: (document, progress) => this.#loop.reportReading(
                document.id, document.displayName,
                progress === null ? null : { done: progress.page, total: progress.pages, unit: progress.stage === "messages" ? "message" : "page" }
            )
        });
        this.#loop = new IngestLoop({
            store: this.#store, indexer, embedder: options.embedder, threads: options.threads,
            stopParser: () => this.#stopParser(), ...(options.now ? { now: options.now } : {}),
            ...(options.largeDocumentChunks !== undefined ? { largeDocumentChunks: options.largeDocumentChunks } : {}),
            ...(options.diskFullRetryMs !== undefined ? { diskFullRetryMs: options.diskFullRetryMs } : {}),
            onProgress: (final) => (final ? this.#progressThrottle.flush() : this.#progressThrottle.request()),
            onDocumentsChanged: () => this.#documentsThrottle.request()
        });
    }

    /** Re-queues documents a crash or kill interrupted, then resumes the queue. */
    start(): void {
        if (this.#store.requeueInterrupted() > 0) this.#documentsThrottle.request();
        this.#loop.wake();
    }

    /**
     * Queues files and folders (walked recursively) and wakes the queue. Files already indexed with the
     * same content are left alone; see `AddResult` for what was skipped.
     */
    async add(paths: readonly string[], options: { collectionId?: string | null } = {}): Promise<AddResult> {
        const expansion = await expandPaths(paths, { maxFiles: this.options.maxFilesPerAdd, pictures: this.picturesInFolders() });
        // Folders added into a collection keep it: files found in them later (the watcher) join it too.
        if (options.collectionId !== undefined) for (const folder of expansion.folders) this.#store.setFolderCollection(folder, options.collectionId);
        const libraryModelId = this.#store.embeddingModel()?.id;
        const result: AddResult = { ...expansion, queued: [], unchanged: [] };
        for (const file of expansion.files) {
            const existing = this.#store.getDocumentByPath(file.path);
            const collectionId = options.collectionId !== undefined ? options.collectionId : this.#store.collectionForPath(file.path);
            if (await isUnchanged(file, existing, libraryModelId, (filePath) => hashFile(filePath))) {
                if (collectionId !== undefined && existing!.collectionId !== collectionId) this.#store.setDocumentCollection(existing!.id, collectionId);
                result.unchanged.push(this.#store.getDocument(existing!.id)!);
            } else result.queued.push(this.#queue(file, collectionId));
        }
        if (result.queued.length > 0) this.#changed();
        return result;
    }

    /** Whether folders (added or watched) give their pictures to text recognition, as Settings say now. */
    picturesInFolders(): boolean {
        return this.options.readPicturesInFolders?.() ?? false;
    }

    /**
     * Indexes one document again (or every document), whatever its state; failed ones get another try.
     * A message of a mailbox is indexed again with its mailbox, which is what is read.
     */
    async reindex(documentId?: string): Promise<LibraryDocument[]> {
        const documents = documentId === undefined ? this.#store.listFiles() : [this.#fileOf(this.#require(documentId))];
        const queued: LibraryDocument[] = [];
        for (const document of documents) {
            // A file that is gone is queued anyway: it then fails saying so, which is what the person needs to know.
            const stat = await fs.stat(document.sourcePath).catch(() => undefined);
            queued.push(this.#queue({
                path: document.sourcePath, sizeBytes: stat?.size ?? document.sizeBytes, mtimeMs: stat ? Math.trunc(stat.mtimeMs) : document.mtimeMs
            }));
        }
        this.#changed();
        return queued;
    }

    /**
     * Removes a document with its chunks and vectors (a mailbox with its messages); stops indexing it first
     * if it is under way. A single message is refused: the mailbox would bring it back at its next change.
     */
    async remove(documentId: string): Promise<boolean> {
        const document = this.#store.getDocument(documentId);
        if (document?.parentId != null) {
            const file = this.#store.getDocument(document.parentId);
            throw new InvalidInputError(
                `“${document.displayName}” is a message in ${file === undefined ? "a mailbox" : `“${file.displayName}”`}: remove the mailbox to remove its messages.`
            );
        }
        await this.#loop.stopDocument(documentId);
        const removed = this.#store.deleteDocument(documentId);
        this.#loop.forget(documentId);
        if (removed) this.#documentsThrottle.request();
        return removed;
    }

    /** For the folder watcher: removes the document at this path, if there is one. */
    async removePath(filePath: string): Promise<boolean> {
        const document = this.#store.getDocumentByPath(path.resolve(filePath));
        return document === undefined ? false : this.remove(document.id);
    }

    /** For the folder watcher: removes every document inside a folder that was deleted. */
    async removeFolder(folder: string): Promise<number> {
        const prefix = path.resolve(folder) + path.sep;
        let removed = 0;
        for (const document of this.#store.listFiles())
            if (document.sourcePath.startsWith(prefix) && await this.remove(document.id)) removed++;
        return removed;
    }

    /**
     * Stops the run now (a parse in flight is abandoned, embedding stops between batches) and marks every
     * document not yet indexed as failed "Cancelled; re-index to try again".
     */
    async cancel(): Promise<IngestProgress> {
        await this.#loop.stop();
        for (const document of this.#store.listFiles(["queued", "parsing", "embedding"])) {
            this.#store.markFailed(document.id, cancelledReason);
            this.#loop.countFailed(document);
        }
        this.#loop.endCancelledRun();
        this.#documentsThrottle.flush();
        return this.progress();
    }

    /**
     * Stops the run now, keeping its progress: documents not yet indexed go back to the queue with the
     * vectors already embedded for them, so the next `start()` resumes where this stopped.
     */
    async pause(): Promise<IngestProgress> {
        await this.#loop.stop();
        this.#store.requeueInterrupted();
        this.#loop.endCancelledRun();
        this.#documentsThrottle.flush();
        return this.progress();
    }

    /** Call when the embedding model was chosen or changed: blocked documents get going, and a new model re-embeds the library. */
    resume(): void {
        this.#loop.wake({ checkModel: true });
    }

    progress(): IngestProgress {
        return this.#loop.progress();
    }

    /** Resolves once the queue has nothing left it can do (empty, or blocked without an embedding model). */
    idle(): Promise<void> {
        return this.#loop.idle();
    }

    onProgress(listener: (progress: IngestProgress) => void): () => void {
        return this.#progressListeners.add(listener);
    }

    /** Documents were queued, changed state or were removed (at most once per notify interval). */
    onDocumentsChanged(listener: () => void): () => void {
        return this.#documentListeners.add(listener);
    }

    /** Stops the loop and the parser. Documents under way stay in progress and are re-queued by the next `start()`. */
    async dispose(): Promise<void> {
        await this.#loop.dispose();
        await this.#stopParser();
        this.#progressThrottle.dispose();
        this.#documentsThrottle.dispose();
    }

    #queue(file: FoundFile, collectionId?: string | null): LibraryDocument {
        const source: DocumentSource = {
            sourcePath: file.path, displayName: path.basename(file.path), sizeBytes: file.sizeBytes, mtimeMs: file.mtimeMs,
            ...(collectionId !== undefined ? { collectionId } : {})
        };
        const document = this.#store.queueDocument(source);
        this.#loop.queued(document, source);
        return document;
    }

    /** The file a document was read from: itself, or the mailbox a message is in. */
    #fileOf(document: LibraryDocument): LibraryDocument {
        return document.parentId === null ? document : this.#require(document.parentId);
    }

    #require(documentId: string): LibraryDocument {
        const document = this.#store.getDocument(documentId);
        if (document === undefined) throw new NotFoundError(`No document with id ${documentId} in the library; it may have been removed.`);
        return document;
    }

    #changed(): void {
        this.#documentsThrottle.request();
        this.#loop.wake();
    }

    #createParser(): DocumentParser {
        return this.options.createParser?.() ?? new ParserClient();
    }

    /** Disposing the parser kills its process, which is the only way to stop a parse in flight. */
    async #stopParser(): Promise<void> {
        const parser = this.#parser;
        this.#parser = null;
        await parser?.dispose();
    }
}
