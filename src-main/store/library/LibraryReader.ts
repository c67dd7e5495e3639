import type {
    ChunkWithDocument, Collection, DocumentStatus, SearchScope, EmbeddingModelIdentity, KeywordHit, LibraryDocument, VectorHit,
    VectorSearchOptions
} from "./types.js";

/** Read access to the library. Search services get this, never the writer. */
export interface LibraryReader {
    getDocument(documentId: string): LibraryDocument | undefined;
    getDocumentByPath(sourcePath: string): LibraryDocument | undefined;
    /** Every document: files, and the documents inside files (mailbox messages), each after its file. */
    listDocuments(statuses?: readonly DocumentStatus[]): LibraryDocument[];
    /** Files only (what ingestion queues, hashes and watches), oldest first when filtered by status. */
    listFiles(statuses?: readonly DocumentStatus[]): LibraryDocument[];
    /** The documents inside a file (the messages of a mailbox), in the order they were added. */
    listParts(parentId: string): LibraryDocument[];
    /** How many documents each file with documents inside it holds, by the file's id. */
    partCounts(): Map<string, number>;
    documentChunks(documentId: string): ChunkWithDocument[];
    /** The chunks with these ids, in the order given; ids that no longer exist are skipped. */
    chunksByIds(chunkIds: readonly number[]): ChunkWithDocument[];
    embeddingModel(): EmbeddingModelIdentity | undefined;
    countChunks(): number;
    /** BM25 over chunk text and headings; `match` must already be a safe FTS5 expression (see toFtsQuery). */
    keywordSearch(match: string, limit: number, scope?: SearchScope): KeywordHit[];
    /** Nearest chunks to `vector` (any length matching the model's dimension; normalized here). */
    vectorSearch(vector: ArrayLike<number>, limit: number, options?: VectorSearchOptions): VectorHit[];
    listCollections(): Collection[];
    getCollection(collectionId: string): Collection | undefined;
    collectionByName(name: string): Collection | undefined;
    /** Ids of the documents in any of these collections: a collection filter becomes a document filter. */
    documentIdsInCollections(collectionIds: readonly string[]): string[];
    /** The collection of the innermost collection folder holding this file, if any. */
    collectionForPath(filePath: string): string | undefined;
    /**
     * Vectors already computed for these embedding-input hashes (hex keys), from documents being indexed
     * or indexed chunks with the same input.
     */
    knownVectors(hashes: readonly Uint8Array[]): Map<string, Float32Array>;
    /** Vectors saved for a document not yet indexed (progress a crash kept). */
    pendingVectorCount(documentId: string): number;
}
