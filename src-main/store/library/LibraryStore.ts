import type { Database } from "better-sqlite3";
import { InvalidInputError, NotFoundError } from "@common/errors.js";
import { ChunkRepository } from "./ChunkRepository.js";
import { CollectionRepository } from "./CollectionRepository.js";
import { PendingVectors, type HashedVector } from "./PendingVectors.js";
import { DocumentRepository } from "./DocumentRepository.js";
import { EmbeddingModelMismatchError } from "./EmbeddingModelMismatchError.js";
import { LibraryMeta } from "./LibraryMeta.js";
import type { LibraryReader } from "./LibraryReader.js";
import type { LibraryWriter } from "./LibraryWriter.js";
import { toUnitVector } from "./toUnitVector.js";
import type {
    ChunkWithDocument, Collection, DocumentSource, SearchScope, DocumentStatus, EmbeddingModelIdentity, IndexedDocumentDetails, KeywordHit,
    LibraryDocument, NewChunk, NewPart, PartsSaved, VectorHit, VectorSearchOptions
} from "./types.js";
import { VectorIndex } from "./VectorIndex.js";
import { assertEmbeddingDimension } from "./assertEmbeddingDimension.js";

const describeModel = (model: EmbeddingModelIdentity): string => `"${model.id}" (${model.dimension} dimensions)`;

/**
 * The one owner of the library's tables. Hand out `LibraryReader` to search and `LibraryWriter` to
 * ingestion; every multi-table change here runs in a single transaction.
 */
export class LibraryStore implements LibraryReader, LibraryWriter {
    readonly #documents: DocumentRepository;
    readonly #chunks: ChunkRepository;
    readonly #vectors: VectorIndex;
    readonly #meta: LibraryMeta;
    readonly #collections: CollectionRepository;
    readonly #pending: PendingVectors;

    constructor(private readonly db: Database) {
        this.#collections = new CollectionRepository(db);
        this.#pending = new PendingVectors(db);
        this.#documents = new DocumentRepository(db);
        this.#chunks = new ChunkRepository(db);
        this.#vectors = new VectorIndex(db);
        this.#meta = new LibraryMeta(db);
    }

    getDocument(documentId: string): LibraryDocument | undefined {
        return this.#documents.get(documentId);
    }

    getDocumentByPath(sourcePath: string): LibraryDocument | undefined {
        return this.#documents.getByPath(sourcePath);
    }

    listDocuments(statuses?: readonly DocumentStatus[]): LibraryDocument[] {
        return this.#documents.list(statuses);
    }

    listFiles(statuses?: readonly DocumentStatus[]): LibraryDocument[] {
        return this.#documents.listFiles(statuses);
    }

    listParts(parentId: string): LibraryDocument[] {
        return this.#documents.parts(parentId);
    }

    partCount(parentId: string): number {
        return this.#documents.partCount(parentId);
    }

    partCounts(): Map<string, number> {
        return this.#documents.partCounts();
    }

    documentChunks(documentId: string): ChunkWithDocument[] {
        return this.#chunks.forDocument(documentId);
    }

    chunksByIds(chunkIds: readonly number[]): ChunkWithDocument[] {
        return this.#chunks.byIds(chunkIds);
    }

    embeddingModel(): EmbeddingModelIdentity | undefined {
        return this.#meta.embeddingModel();
    }

    countChunks(): number {
        return this.#chunks.count();
    }

    countTokens(): number {
        return this.#chunks.tokens();
    }

    keywordSearch(match: string, limit: number, scope: SearchScope = {}): KeywordHit[] {
        return this.#chunks.keywordSearch(match, limit, scope.documentIds === undefined ? undefined : this.#scopeIds(scope.documentIds));
    }

    vectorSearch(vector: ArrayLike<number>, limit: number, options: VectorSearchOptions = {}): VectorHit[] {
        const model = this.#meta.embeddingModel();
        // Without sqlite-vec (a damaged installation) search runs by keywords alone.
        if (model === undefined || !this.#vectors.available || !this.#vectors.hasTable(model.dimension)) return [];
        if (vector.length !== model.dimension)
            throw new EmbeddingModelMismatchError(describeModel(model), `a query of ${vector.length} dimensions`);
        if (options.documentIds !== undefined)
            return this.#vectors.nearestInDocuments(model.dimension, toUnitVector(vector), limit, this.#scopeIds(options.documentIds));
        return this.#vectors.nearest(model.dimension, toUnitVector(vector), limit, options.prefilterCandidates);
    }

    listCollections(): Collection[] {
        return this.#collections.list();
    }

    getCollection(collectionId: string): Collection | undefined {
        return this.#collections.get(collectionId);
    }

    collectionByName(name: string): Collection | undefined {
        return this.#collections.byName(name);
    }

    documentIdsInCollections(collectionIds: readonly string[]): string[] {
        return this.#documents.idsInCollections(collectionIds);
    }

    collectionForPath(filePath: string): string | undefined {
        return this.#collections.forPath(filePath);
    }

    createCollection(name: string): Collection {
        const trimmed = name.trim();
        if (trimmed === "" || trimmed.length > 100) throw new InvalidInputError("A collection needs a name of 1 to 100 characters.");
        if (this.#collections.byName(trimmed) !== undefined) throw new InvalidInputError(`There is already a collection named "${trimmed}".`);
        return this.#collections.get(this.#collections.create(trimmed))!;
    }

    renameCollection(collectionId: string, name: string): Collection {
        const trimmed = name.trim();
        if (trimmed === "" || trimmed.length > 100) throw new InvalidInputError("A collection needs a name of 1 to 100 characters.");
        const other = this.#collections.byName(trimmed);
        if (other !== undefined && other.id !== collectionId) throw new InvalidInputError(`There is already a collection named "${trimmed}".`);
        if (!this.#collections.rename(collectionId, trimmed)) throw new NotFoundError(`No collection with id ${collectionId}; it may have been deleted.`);
        return this.#collections.get(collectionId)!;
    }

    deleteCollection(collectionId: string): boolean {
        return this.#collections.delete(collectionId);
    }

    setDocumentCollection(documentId: string, collectionId: string | null): void {
        if (collectionId !== null && this.#collections.get(collectionId) === undefined)
            throw new NotFoundError(`No collection with id ${collectionId}; it may have been deleted.`);
        if (!this.#documents.setCollection(documentId, collectionId)) throw new NotFoundError(`No document with id ${documentId} in the library.`);
    }

    setFolderCollection(folder: string, collectionId: string | null): void {
        if (collectionId !== null && this.#collections.get(collectionId) === undefined)
            throw new NotFoundError(`No collection with id ${collectionId}; it may have been deleted.`);
        this.#collections.setFolder(folder, collectionId);
    }

    savePendingVectors(documentId: string, vectors: readonly HashedVector[]): void {
        const model = this.#meta.embeddingModel();
        if (model === undefined) throw new EmbeddingModelMismatchError("no embedding model (none is set for the library)", "pending vectors");
        for (const { vector } of vectors)
            if (vector.length !== model.dimension) throw new EmbeddingModelMismatchError(describeModel(model), `vectors of ${vector.length} dimensions`);
        this.#pending.save(documentId, vectors.map(({ hash, vector }) => ({ hash, vector: toUnitVector(vector) })));
    }

    knownVectors(hashes: readonly Uint8Array[]): Map<string, Float32Array> {
        const model = this.#meta.embeddingModel();
        if (model === undefined || !this.#vectors.hasTable(model.dimension)) return new Map();
        return this.#pending.find(hashes, (chunkId) => this.#vectors.read(model.dimension, chunkId));
    }

    pendingVectorCount(documentId: string): number {
        return this.#pending.count(documentId);
    }

    queueDocument(source: DocumentSource): LibraryDocument {
        return this.#documents.get(this.#documents.queue(source))!;
    }

    setStatus(documentId: string, status: Exclude<DocumentStatus, "indexed" | "failed">): void {
        if (!this.#documents.setStatus(documentId, status)) throw new NotFoundError(`No document with id ${documentId} in the library.`);
    }

    markFailed(documentId: string, reason: string): void {
        this.db.transaction(() => {
            if (!this.#documents.markFailed(documentId, reason)) throw new NotFoundError(`No document with id ${documentId} in the library.`);
            this.#chunks.deleteForDocument(documentId);
            // The messages of a mailbox that can no longer be read no longer match it either.
            this.#documents.deleteParts(documentId);
        })();
    }

    replaceDocumentChunks(
        documentId: string, chunks: readonly NewChunk[], vectors: readonly ArrayLike<number>[], details: IndexedDocumentDetails = {}
    ): LibraryDocument {
        const model = this.#meta.embeddingModel();
        if (model === undefined)
            throw new EmbeddingModelMismatchError("no embedding model (none is set for the library)", `"${details.embeddingModelId ?? "unknown"}"`);
        if (details.embeddingModelId !== undefined && details.embeddingModelId !== model.id)
            throw new EmbeddingModelMismatchError(describeModel(model), `"${details.embeddingModelId}"`);
        // Validate and normalize everything before the transaction, so a bad vector never aborts halfway.
        const units = checkedUnits(model, chunks, vectors);

        return this.db.transaction(() => {
            if (this.#documents.get(documentId) === undefined) throw new NotFoundError(`No document with id ${documentId} in the library.`);
            this.#writeChunks(documentId, chunks, units, model.dimension);
            this.#documents.markIndexed(documentId, chunks.length, model.id, details);
            this.#pending.clearDocument(documentId);
            return this.#documents.get(documentId)!;
        })();
    }

    replaceDocumentParts(documentId: string, parts: readonly NewPart[], details: IndexedDocumentDetails = {}): PartsSaved {
        const model = this.#meta.embeddingModel();
        if (model === undefined)
            throw new EmbeddingModelMismatchError("no embedding model (none is set for the library)", `"${details.embeddingModelId ?? "unknown"}"`);
        if (details.embeddingModelId !== undefined && details.embeddingModelId !== model.id)
            throw new EmbeddingModelMismatchError(describeModel(model), `"${details.embeddingModelId}"`);
        if (new Set(parts.map((part) => part.key)).size !== parts.length) throw new InvalidInputError("Two parts of one file have the same key.");
        const units = parts.map((part) => checkedUnits(model, part.chunks, part.vectors));

        return this.db.transaction(() => {
            const file = this.#documents.get(documentId);
            if (file === undefined) throw new NotFoundError(`No document with id ${documentId} in the library.`);
            if (file.parentId !== null) throw new InvalidInputError(`Document ${documentId} is itself inside a file.`);
            // A file with parts has no chunks of its own (a mailbox indexed as one document before keeps none).
            this.#chunks.deleteForDocument(documentId);
            this.#vectors.ensureTable(model.dimension);
            const known = new Map(this.#documents.parts(documentId).map((part) => [part.partKey, part]));
            const saved: PartsSaved = { written: 0, kept: 0, removed: 0 };
            parts.forEach((part, index) => {
                const existing = known.get(part.key);
                // Same bytes, indexed by the same model: its chunks (and the ids citations point at) stay as they are.
                if (existing?.status === "indexed" && existing.contentHash === part.contentHash && existing.embeddingModelId === model.id) {
                    saved.kept++;
                    return;
                }
                const partId = existing?.id ?? this.#documents.insertPart(file, part);
                if (existing !== undefined) this.#documents.updatePart(partId, part);
                this.#writeChunks(partId, part.chunks, units[index]!, model.dimension);
                this.#documents.markIndexed(partId, part.chunks.length, model.id, { contentHash: part.contentHash, format: file.format ?? details.format ?? null });
                saved.written++;
            });
            saved.removed = this.#documents.deletePartsExcept(documentId, parts.map((part) => part.key));
            const chunkCount = parts.reduce((sum, part) => sum + part.chunks.length, 0);
            this.#documents.markIndexed(documentId, chunkCount, model.id, { ...details, pageCount: null });
            this.#pending.clearDocument(documentId);
            return saved;
        })();
    }

    /** Replaces a document's chunks and their vectors; runs inside the caller's transaction. */
    #writeChunks(documentId: string, chunks: readonly NewChunk[], units: readonly Float32Array[], dimension: number): void {
        this.#chunks.deleteForDocument(documentId); // triggers drop the old full-text rows and vectors
        this.#vectors.ensureTable(dimension);
        chunks.forEach((chunk, ordinal) => {
            const chunkId = this.#chunks.insert(documentId, ordinal, chunk);
            this.#vectors.insert(dimension, chunkId, units[ordinal]!);
        });
    }

    /** A file in a search scope stands for the documents inside it (a mailbox attached to a chat searches its messages). */
    #scopeIds(documentIds: readonly string[]): readonly string[] {
        return documentIds.length === 0 ? documentIds : this.#documents.withParts(documentIds);
    }

    deleteDocument(documentId: string): boolean {
        // One statement, but its cascade and triggers (chunks, full-text rows, vectors) all run in this transaction.
        return this.db.transaction(() => this.#documents.delete(documentId))();
    }

    setEmbeddingModel(model: EmbeddingModelIdentity): { reindex: boolean } {
        assertEmbeddingDimension(model.dimension);
        if (model.id.trim() === "") throw new InvalidInputError("The embedding model needs a non-empty id.");
        return this.db.transaction(() => {
            const current = this.#meta.embeddingModel();
            const same = current?.id === model.id && current.dimension === model.dimension;
            if (current !== undefined && !same) {
                // Drop the vector tables before deleting chunks, so their triggers do not delete vectors one by one.
                this.#vectors.dropAll();
                this.#chunks.deleteAll();
                this.#pending.clearAll();
                this.#documents.requeueAll();
            }
            this.#meta.setEmbeddingModel(model);
            this.#vectors.ensureTable(model.dimension);
            return { reindex: current !== undefined && !same };
        })();
    }

    requeueInterrupted(): number {
        return this.#documents.requeueInterrupted();
    }
}

/** The vectors as unit vectors, once every chunk and vector is checked. */
function checkedUnits(model: EmbeddingModelIdentity, chunks: readonly NewChunk[], vectors: readonly ArrayLike<number>[]): Float32Array[] {
    if (vectors.length !== chunks.length)
        throw new InvalidInputError(`Got ${chunks.length} chunks but ${vectors.length} vectors; each chunk needs exactly one vector.`);
    const units = vectors.map((vector) => {
        if (vector.length !== model.dimension) throw new EmbeddingModelMismatchError(describeModel(model), `vectors of ${vector.length} dimensions`);
        return toUnitVector(vector);
    });
    chunks.forEach(assertChunk);
    return units;
}

function assertChunk(chunk: NewChunk, index: number): void {
    const valid = Number.isSafeInteger(chunk.charStart) && Number.isSafeInteger(chunk.charEnd) && chunk.charStart >= 0 &&
        chunk.charEnd >= chunk.charStart && Number.isSafeInteger(chunk.tokenCount) && chunk.tokenCount >= 0 &&
        Number.isSafeInteger(chunk.sectionIndex) && chunk.sectionIndex >= 0;
    if (!valid) throw new InvalidInputError(`Chunk ${index} has invalid offsets, section or token count.`);
}
