import type { Database } from "better-sqlite3";
import type { CollectionInfo, LibraryDocumentInfo } from "@common/contract/libraryTypes.js";
import { NotFoundError, UnsupportedError } from "@common/errors.js";
import { Answerer } from "../answer/Answerer.js";
import { EmbedderProvider } from "../engine/EmbedderProvider.js";
import { RerankerProvider } from "../engine/RerankerProvider.js";
import type { Engine } from "../engine/Engine.js";
import { IngestService, toDocumentInfo } from "../ingest/index.js";
import { embeddingModelId } from "../ingest/embeddingModelId.js";
import { FolderWatcher } from "../ingest/watch/FolderWatcher.js";
import { sourcePassage } from "../library/sourcePassage.js";
import { resolveScope, type LibraryScope } from "../library/resolveScope.js";
import { HybridRetriever } from "../retrieval/HybridRetriever.js";
import type { SettingsService } from "../settings/SettingsService.js";
import { LibraryMeta } from "../store/library/LibraryMeta.js";
import { LibraryStore } from "../store/library/LibraryStore.js";
import type { ModelRepository } from "../store/ModelRepository.js";
import type { EventHub } from "./EventHub.js";
import type { SpawnWorkerProcess } from "../workers/WorkerProcess.js";
import { ParserClient } from "../ingest/parse/ParserClient.js";
import type { RemoteEmbedder } from "../remote/RemoteEmbedder.js";
import type { Embedder } from "../engine/Embedder.js";
import { parseLimitsFromSettings } from "../ingest/parse/parseLimitsFromSettings.js";

/** An embedding model that can embed a question: this computer's or a server's. */
type SearchEmbedder = Embedder | RemoteEmbedder;

/** Opens a document with the system's default app (Electron only). */
export type OpenFile = (filePath: string) => Promise<void>;

/** The document library: store, ingest queue, folder watcher, embedding model, retrieval and answers. */
export function createLibrary(deps: {
    db: Database; engine: Engine; settings: SettingsService; models: ModelRepository; events: EventHub; openFile: OpenFile | null;
    /** How the parser's worker process starts (Electron: a utility process); fork by default. */
    spawnWorker?: SpawnWorkerProcess;
    /** The embedding model on a server, when the person chose one in Settings → Engine; null: the local one. */
    remoteEmbedder?: () => Promise<RemoteEmbedder | null>;
}) {
    const { db, engine, settings, models, events } = deps;
    const store = new LibraryStore(db);
    const embedders = new EmbedderProvider(engine, () => {
        const id = settings.get().embeddingModelId;
        const model = id == null ? undefined : models.get(id);
        return model == null ? null : { modelId: model.id, path: model.path };
    });
    const rerankers = new RerankerProvider(engine, () => {
        const id = settings.get().rerankerModelId;
        const model = id == null ? undefined : models.get(id);
        return model == null ? null : { modelId: model.id, path: model.path };
    });
    const spawn = deps.spawnWorker;
    // The library's embedding model: on a server when chosen there, else this computer's.
    const embedderInUse = async () => (await deps.remoteEmbedder?.()) ?? embedders.get();
    const ingest = new IngestService({
        store, embedder: embedderInUse, threads: Math.max(1, engine.threads),
        limits: () => parseLimitsFromSettings(settings.get()),
        ...(spawn ? { createParser: () => new ParserClient({ spawn }) } : {}),
        readPicturesInFolders: () => settings.get().readPicturesInFolders
    });
    const watcher = new FolderWatcher({
        meta: new LibraryMeta(db), library: store, ingest,
        onError: (error) => console.error("Locus: the folder watcher failed:", error)
    });
    /**
     * The files of the library, a mailbox with its message count: its messages (thousands, in a Takeout
     * export) are asked for when the person opens it, not sent with every change of the list.
     */
    const documents = (): LibraryDocumentInfo[] => {
        const counts = store.partCounts();
        return store.listFiles().map((document) => toDocumentInfo(document, counts.get(document.id)));
    };
    const messages = (documentId: string): LibraryDocumentInfo[] => {
        if (store.getDocument(documentId) == null) throw new NotFoundError("That mailbox is no longer in the library.");
        return store.listParts(documentId).map((document) => toDocumentInfo(document));
    };
    // Pictures switched on for folders: the ones already in watched folders are found now, not at the next start.
    let readPictures = settings.get().readPicturesInFolders;
    settings.onChange((next) => {
        if (next.readPicturesInFolders && !readPictures) void watcher.rescan();
        readPictures = next.readPicturesInFolders;
    });
    ingest.onProgress((progress) => events.emit("library.progress", progress));
    ingest.onDocumentsChanged(() => events.emit("library.changed", { documents: documents() }));
    // A newly chosen embedding model re-embeds the library at the next run.
    settings.onChange(() => ingest.resume());
    // Another reranker (or none) frees the old one at once rather than at the next question.
    settings.onChange(() => void rerankers.release().catch((error: unknown) => console.error("Locus: could not free the reranker:", error)));

    /**
     * Library questions search by keywords, also by meaning once an embedding model is chosen, and are
     * reranked when a reranker is chosen (or answered without it, saying why, when it fails to load).
     */
    const search = async (scope?: LibraryScope): Promise<{ retriever: HybridRetriever; notice: string | null; embedder: SearchEmbedder | null }> => {
        const searchScope = resolveScope(store, scope);
        const { embedder, problem } = await searchEmbedder();
        const reranker = await rerankers.get();
        const ranking = reranker.model;
        // Vectors of another model than the library's cannot be compared with them (until it is re-indexed): keywords only.
        const usable = embedder != null && store.embeddingModel()?.id === embeddingModelId(embedder.identity) ? embedder : null;
        const retriever = new HybridRetriever(store, {
            ...(usable ? { embedQuery: (q: string, signal?: AbortSignal) => usable.embed(q, signal) } : {}),
            ...(ranking == null ? {} : { rerank: (query: string, passages: readonly string[]) => ranking.rankAll(query, passages) }),
            scope: searchScope
        });
        const notices = [problem, reranker.model == null ? reranker.problem : null].filter((text): text is string => text != null);
        return { retriever, notice: notices.length > 0 ? notices.join(" ") : null, embedder: usable };
    };
    const retriever = async (scope?: LibraryScope): Promise<{ retriever: HybridRetriever; notice: string | null }> => {
        const { retriever: found, notice } = await search(scope);
        return { retriever: found, notice };
    };
    /** The embedding model for questions; an embedding server that cannot be reached leaves keyword search, said in the answer. */
    const searchEmbedder = async (): Promise<{ embedder: SearchEmbedder | null; problem: string | null }> => {
        try {
            return { embedder: await embedderInUse(), problem: null };
        } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            return { embedder: null, problem: `Searched by keywords only: ${reason}` };
        }
    };
    const answerer = async (scope?: LibraryScope): Promise<Answerer> => {
        const { retriever: found, notice, embedder } = await search(scope);
        return new Answerer(found, {
            ...(notice != null ? { notice } : {}),
            ...(embedder != null ? { embed: (texts: readonly string[]) => embedder.embedMany(texts) } : {})
        });
    };

    const collections = (): CollectionInfo[] =>
        store.listCollections().map(({ id, name, documentCount }) => ({ id, name, documentCount }));
    const collectionsChanged = (): void => {
        events.emit("collections.changed", { collections: collections() });
        events.emit("library.changed", { documents: documents() });
    };
    ingest.onDocumentsChanged(() => events.emit("collections.changed", { collections: collections() }));
    const requireCollection = (collectionId: string): CollectionInfo => {
        const found = collections().find((collection) => collection.id === collectionId);
        if (found === undefined) throw new NotFoundError("That collection no longer exists.");
        return found;
    };

    /** `collectionId`: the files, and folders with the files found in them later, join that collection. */
    async function add(paths: readonly string[], collectionId?: string | null): Promise<LibraryDocumentInfo[]> {
        if (collectionId != null) requireCollection(collectionId);
        const result = await ingest.add(paths, collectionId === undefined ? {} : { collectionId });
        for (const folder of result.folders) await watcher.watchFolder(folder);
        if (result.notFound.length > 0 && result.queued.length + result.unchanged.length === 0)
            throw new NotFoundError(`Not found: ${result.notFound.slice(0, 3).join(", ")}. Check the path and try again.`);
        const counts = store.partCounts();
        return [...result.queued, ...result.unchanged].map((document) => toDocumentInfo(document, counts.get(document.id)));
    }

    async function openDocument(documentId: string): Promise<void> {
        const document = store.getDocument(documentId);
        if (document == null) throw new NotFoundError("That document is no longer in the library.");
        // A message opens the mailbox it is in: the file is what the system's apps know.
        const file = document.parentId === null ? document : store.getDocument(document.parentId);
        if (file == null) throw new NotFoundError("That document is no longer in the library.");
        if (deps.openFile == null) throw new UnsupportedError(`Open ${file.displayName} from your file manager: this window cannot open files.`);
        await deps.openFile(file.sourcePath);
    }

    return {
        store, ingest, watcher, embedders, embedderInUse, rerankers, retriever, answerer, documents, add, openDocument, collections,
        createCollection: (name: string): CollectionInfo => {
            const created = store.createCollection(name);
            collectionsChanged();
            return requireCollection(created.id);
        },
        renameCollection: (collectionId: string, name: string): CollectionInfo => {
            store.renameCollection(collectionId, name);
            collectionsChanged();
            return requireCollection(collectionId);
        },
        deleteCollection: (collectionId: string): void => {
            if (!store.deleteCollection(collectionId)) throw new NotFoundError("That collection no longer exists.");
            collectionsChanged();
        },
        setDocumentCollection: (documentId: string, collectionId: string | null): LibraryDocumentInfo => {
            store.setDocumentCollection(documentId, collectionId);
            collectionsChanged();
            return toDocumentInfo(store.getDocument(documentId)!, store.partCount(documentId));
        },
        source: (chunkId: number) => sourcePassage(store, chunkId),
        messages,
        start: async () => {
            ingest.start();
            await watcher.start();
        },
        dispose: async () => {
            await watcher.dispose();
            await ingest.dispose();
            await rerankers.dispose();
            await embedders.dispose();
        }
    };
}

export type Library = ReturnType<typeof createLibrary>;
