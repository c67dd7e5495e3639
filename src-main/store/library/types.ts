/** Where a document is in ingestion. Every document ends `indexed` or `failed` (with a reason). */
export type DocumentStatus = "queued" | "parsing" | "embedding" | "indexed" | "failed";

export const documentStatuses: readonly DocumentStatus[] = ["queued", "parsing", "embedding", "indexed", "failed"];

export type LibraryDocument = {
    id: string;
    /** Absolute path; stays in main, the renderer gets ids and display names. */
    sourcePath: string;
    displayName: string;
    format: string | null;
    title: string | null;
    /** SHA-256 (hex) of the file's bytes when it was last read; makes re-indexing incremental. */
    contentHash: string | null;
    sizeBytes: number;
    mtimeMs: number;
    status: DocumentStatus;
    /** Why the document failed (a sentence a person can act on), or null. */
    statusReason: string | null;
    pageCount: number | null;
    chunkCount: number;
    /** The embedding model whose vectors the document's chunks have; null until indexed. */
    embeddingModelId: string | null;
    createdAt: number;
    updatedAt: number;
    indexedAt: number | null;
    /** The collection the document belongs to, or null. */
    collectionId: string | null;
    /**
     * For a document inside a file (a message of a mailbox): the file's document, which is the one queued,
     * hashed and watched; its own `sourcePath` is then the file's path, a NUL and `partKey`. Null for a file.
     */
    parentId: string | null;
    /** The part's identity inside its file (a message's Message-ID); null for a file. */
    partKey: string | null;
    /** Who sent a message ("Ada Lovelace <ada@example.com>"); null when unknown or not a message. */
    sender: string | null;
    /** When a message was sent, as shown ("2024-03-01 09:30 UTC"); null when unknown or not a message. */
    sentAt: string | null;
};

/** A file to add to the library, or the new facts of one already in it. */
export type DocumentSource = {
    sourcePath: string;
    displayName: string;
    sizeBytes: number;
    mtimeMs: number;
    format?: string | null;
    contentHash?: string | null;
    /** The collection to put it in; undefined leaves a known document's collection as it is. */
    collectionId?: string | null | undefined;
};

/** One chunk as the chunker makes it; its text is exactly `section.text.slice(charStart, charEnd)`. */
export type NewChunk = {
    text: string;
    /** Index of the parsed section the chunk lies in; chunks never span sections. */
    sectionIndex: number;
    page?: number | undefined;
    headingPath: readonly string[];
    charStart: number;
    charEnd: number;
    tokenCount: number;
    /** 16-byte hash of the exact text the embedding model saw (see embedHash): identical inputs share one vector. */
    embedHash?: Uint8Array | undefined;
};

export type StoredChunk = Omit<NewChunk, "page" | "headingPath" | "embedHash"> & {
    id: number;
    documentId: string;
    ordinal: number;
    page: number | null;
    headingPath: string[];
};

/** A stored chunk with the facts of its document that a citation needs. */
export type ChunkWithDocument = StoredChunk & {
    documentName: string;
    documentTitle: string | null;
    documentFormat: string | null;
};

/** Which model made the vectors: changing it means re-embedding everything. */
export type EmbeddingModelIdentity = {
    id: string;
    dimension: number;
};

/** Facts learned while indexing, written with the chunks. */
export type IndexedDocumentDetails = {
    /** When given, must equal the library's embedding model: guards against a model switch mid-ingest. */
    embeddingModelId?: string;
    title?: string | null;
    format?: string | null;
    pageCount?: number | null;
    contentHash?: string | null;
    /** Something the person should know about an indexed document ("3 messages could not be read"). */
    note?: string | null;
};

/** A document inside a file (a message of a mailbox), with its chunks and their vectors, as indexing hands it over. */
export type NewPart = {
    /** Its identity in the file (see LibraryDocument.partKey). */
    key: string;
    title: string;
    /** "" when unknown. */
    sender: string;
    /** "" when unknown. */
    sentAt: string;
    /** Hash of the part's own bytes: a part unchanged since it was indexed with the same model is kept as it is. */
    contentHash: string;
    sizeBytes: number;
    chunks: readonly NewChunk[];
    vectors: readonly ArrayLike<number>[];
};

/** What saving a file's parts did: parts written, kept as they were (unchanged), and removed (gone from the file). */
export type PartsSaved = { written: number; kept: number; removed: number };

/** A full-text hit: higher `score` is better (negated BM25). */
export type KeywordHit = { chunkId: number; score: number };

/** A vector hit: `similarity` is the cosine similarity of unit vectors, higher is better. */
export type VectorHit = { chunkId: number; similarity: number };

export type VectorSearchOptions = {
    /**
     * Scan compact 1-bit codes first and rescore this many candidates with the full vectors.
     * Faster on large libraries, but recall depends on the embedding model: measure before enabling.
     */
    prefilterCandidates?: number;
} & SearchScope;

/**
 * Limits a search to some documents: the one filter behind collections ("Ask my library" in chosen
 * collections) and documents attached to a chat. Absent: the whole library; empty: nothing.
 */
export type SearchScope = {
    documentIds?: readonly string[] | undefined;
};

/** A named group of documents and folders; each document belongs to at most one. */
export type Collection = {
    id: string;
    name: string;
    createdAt: number;
    documentCount: number;
};
