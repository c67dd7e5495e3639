import type {
    ChunkWithDocument, DocumentStatus, EmbeddingModelIdentity, KeywordHit, LibraryDocument, SearchScope, VectorHit,
    VectorSearchOptions
} from "./types.js";

/** Read access to the library. Search services get this, never the writer. */
export interface LibraryReader {
    getDocument(documentId: string): LibraryDocument | undefined;
    getDocumentByPath(sourcePath: string): LibraryDocument | undefined;
    listDocuments(statuses?: readonly DocumentStatus[]): LibraryDocument[];
    documentChunks(documentId: string): ChunkWithDocument[];
    /** The chunks with these ids, in the order given; ids that no longer exist are skipped. */
    chunksByIds(chunkIds: readonly number[]): ChunkWithDocument[];
    embeddingModel(): EmbeddingModelIdentity | undefined;
    countChunks(): number;
    /** BM25 over chunk text and headings; `match` must already be a safe FTS5 expression (see toFtsQuery). */
    keywordSearch(match: string, limit: number, scope?: SearchScope): KeywordHit[];
    /** Nearest chunks to `vector` (any length matching the model's dimension; normalized here). */
    vectorSearch(vector: ArrayLike<number>, limit: number, options?: VectorSearchOptions): VectorHit[];
}
