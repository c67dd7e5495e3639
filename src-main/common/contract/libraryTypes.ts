/** A document in the library as the renderer sees it: no path, only its name and state. */
export type LibraryDocumentInfo = {
    id: string;
    displayName: string;
    format: string | null;
    status: "queued" | "parsing" | "embedding" | "indexed" | "failed";
    /** Why it failed, in words the person can act on. */
    statusReason: string | null;
    pageCount: number | null;
    chunkCount: number;
    sizeBytes: number;
    updatedAt: number;
    indexedAt: number | null;
    /** The collection it belongs to, or null. */
    collectionId?: string | null;
    /**
     * Set for a document inside a file (a message of a mailbox): the id of that file's document. Such a
     * document is indexed, re-indexed, moved and removed with its file; `displayName` is its subject.
     */
    parentId?: string | null;
    /** Who sent a message ("Ada Lovelace <ada@example.com>"), when known. */
    sender?: string | null;
    /** When a message was sent ("2024-03-01 09:30 UTC"), when known. */
    sentAt?: string | null;
    /** For a file with documents inside it (a mailbox): how many; `library.messages` lists them. */
    messageCount?: number;
};

/** A named group of documents and folders, to keep work apart from private papers. */
export type CollectionInfo = { id: string; name: string; documentCount: number };

/** The ingest queue's progress, for the progress bar and the CLI. */
export type IngestProgress = {
    running: boolean;
    filesDone: number;
    filesTotal: number;
    filesFailed: number;
    chunksPerSecond: number | null;
    secondsLeft: number | null;
    /** File name of the document being worked on. */
    current: string | null;
    /** Set when indexing cannot start (e.g. no embedding model chosen): what to do. */
    blockedReason: string | null;
    /** The document being embedded, with its own progress (a large one takes a while). */
    document?: DocumentProgress | null;
    /** A long read under way: a scan by text recognition, page by page, or a mailbox, message by message (it may be the next document, read ahead). */
    reading?: ScanProgress | null;
};

/** Scanned pages read by text recognition so far (`unit` "page"), or a mailbox's messages read so far ("message"). */
export type ScanProgress = { name: string; pagesDone: number; pagesTotal: number; unit?: "page" | "message" };

/** One document's embedding: chunks embedded of those it needs, and the time left for it. */
export type DocumentProgress = {
    name: string;
    chunksDone: number;
    chunksTotal: number;
    /** Chunks whose vector was reused (identical text elsewhere, or saved before an interruption). */
    chunksReused: number;
    secondsLeft: number | null;
};

/** A citation in an answer: a real retrieved passage and its exact place in the document. */
export type Citation = {
    number: number;
    chunkId: number;
    documentId: string;
    documentName: string;
    page: number | null;
    headingPath: string[];
    charStart: number;
    charEnd: number;
};

/** What the source view shows for a citation: the passage and a little text around it. */
export type SourcePassage = {
    chunkId: number;
    documentId: string;
    documentName: string;
    format: string | null;
    page: number | null;
    headingPath: string[];
    before: string;
    text: string;
    after: string;
};
