import type { HashedVector } from "./PendingVectors.js";
import type {
    Collection, DocumentSource, DocumentStatus, EmbeddingModelIdentity, IndexedDocumentDetails, LibraryDocument, NewChunk, NewPart, PartsSaved
} from "./types.js";

/** Write access to the library; only ingestion and the library service hold it. */
export interface LibraryWriter {
    /** Adds a file as `queued`, or re-queues a known path with its new facts. Old chunks stay searchable until replaced. */
    queueDocument(source: DocumentSource): LibraryDocument;
    /** Moves a document between in-progress states (`queued`, `parsing`, `embedding`). */
    setStatus(documentId: string, status: Exclude<DocumentStatus, "indexed" | "failed">): void;
    /** Marks a document failed with a readable reason and removes its chunks, which no longer match the file. */
    markFailed(documentId: string, reason: string): void;
    /**
     * Replaces all chunks and vectors of a document and marks it `indexed`, in ONE transaction:
     * a crash leaves either the old index or the new one, never half of it.
     */
    replaceDocumentChunks(
        documentId: string, chunks: readonly NewChunk[], vectors: readonly ArrayLike<number>[], details?: IndexedDocumentDetails
    ): LibraryDocument;
    /**
     * Saves the documents inside a file (the messages of a mailbox) and marks the file `indexed`, in ONE
     * transaction: parts are matched by key; a part unchanged since it was indexed with this model keeps
     * its chunks (and the chunk ids citations point at), changed and new ones are written, parts gone from
     * the file are removed. The file itself keeps no chunks.
     */
    replaceDocumentParts(documentId: string, parts: readonly NewPart[], details?: IndexedDocumentDetails): PartsSaved;
    /** Removes a document with its chunks, full-text rows and vectors (and the documents inside it), in one transaction. */
    deleteDocument(documentId: string): boolean;
    /**
     * Records the embedding model. A different model (or dimension) drops every chunk and vector
     * and re-queues every document, since old vectors cannot be compared with new ones.
     * Returns whether the library must be re-indexed.
     */
    setEmbeddingModel(model: EmbeddingModelIdentity): { reindex: boolean };
    /** After a crash, documents caught mid-ingest go back to `queued`. Returns how many. */
    requeueInterrupted(): number;
    /**
     * Saves vectors of a document still being indexed, outside the searchable tables, in a transaction of
     * their own: a crash keeps them, so indexing resumes from them; search does not see them.
     */
    savePendingVectors(documentId: string, vectors: readonly HashedVector[]): void;
    createCollection(name: string): Collection;
    renameCollection(collectionId: string, name: string): Collection;
    /** Its documents stay in the library, in no collection. */
    deleteCollection(collectionId: string): boolean;
    setDocumentCollection(documentId: string, collectionId: string | null): void;
    /** Files found in this folder from now on join the collection (null: none). */
    setFolderCollection(folder: string, collectionId: string | null): void;
}
