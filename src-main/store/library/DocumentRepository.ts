import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { DocumentSource, DocumentStatus, IndexedDocumentDetails, LibraryDocument, NewPart } from "./types.js";

/** What a part's row records of it. */
type PartFacts = Pick<NewPart, "key" | "title" | "sender" | "sentAt" | "contentHash" | "sizeBytes">;

/** Titles are cut where a listing would cut them anyway; unknown sender and date are stored as null. */
const partRow = (part: PartFacts) => ({
    title: part.title.slice(0, 300), contentHash: part.contentHash, sizeBytes: part.sizeBytes,
    sender: part.sender === "" ? null : part.sender, sentAt: part.sentAt === "" ? null : part.sentAt, now: Date.now()
});

type DocumentRow = {
    id: string; source_path: string; display_name: string; format: string | null; title: string | null;
    content_hash: string | null; size_bytes: number; mtime_ms: number; status: DocumentStatus;
    status_reason: string | null; page_count: number | null; chunk_count: number;
    embedding_model_id: string | null; created_at: number; updated_at: number; indexed_at: number | null;
    collection_id: string | null; parent_id: string | null; part_key: string | null; sender: string | null; sent_at: string | null;
};

const toDocument = (row: DocumentRow): LibraryDocument => ({
    id: row.id, sourcePath: row.source_path, displayName: row.display_name, format: row.format, title: row.title,
    contentHash: row.content_hash, sizeBytes: row.size_bytes, mtimeMs: row.mtime_ms, status: row.status,
    statusReason: row.status_reason, pageCount: row.page_count, chunkCount: row.chunk_count,
    embeddingModelId: row.embedding_model_id, createdAt: row.created_at, updatedAt: row.updated_at, indexedAt: row.indexed_at,
    collectionId: row.collection_id, parentId: row.parent_id, partKey: row.part_key, sender: row.sender, sentAt: row.sent_at
});

/** A file's parts follow it in listings, by date (then in the order they were added). */
const listOrder = `
    ORDER BY COALESCE(p.display_name, d.display_name) COLLATE NOCASE, COALESCE(d.parent_id, d.id), d.parent_id IS NOT NULL, d.sent_at, d.rowid`;

/** A part's source path: its file's path, a NUL (which no file path holds) and its key. */
export const partSourcePath = (filePath: string, key: string): string => `${filePath}\u0000${key}`;

/** The documents table. Chunk and vector bookkeeping is LibraryStore's; this class only knows document rows. */
export class DocumentRepository {
    readonly #statements;

    constructor(db: Database) {
        this.#statements = {
            get: db.prepare<[string], DocumentRow>("SELECT * FROM documents WHERE id = ?"),
            byPath: db.prepare<[string], DocumentRow>("SELECT * FROM documents WHERE source_path = ?"),
            list: db.prepare<[], DocumentRow>(`SELECT d.* FROM documents d LEFT JOIN documents p ON p.id = d.parent_id ${listOrder}`),
            listByStatus: db.prepare<[string], DocumentRow>(`
                SELECT d.* FROM documents d LEFT JOIN documents p ON p.id = d.parent_id
                WHERE d.status IN (SELECT value FROM json_each(?)) ${listOrder}`),
            listFiles: db.prepare<[], DocumentRow>("SELECT * FROM documents WHERE parent_id IS NULL ORDER BY display_name COLLATE NOCASE, id"),
            // Oldest first: the order ingestion works through its queue.
            listFilesByStatus: db.prepare<[string], DocumentRow>(
                "SELECT * FROM documents WHERE parent_id IS NULL AND status IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid"
            ),
            parts: db.prepare<[string], DocumentRow>("SELECT * FROM documents WHERE parent_id = ? ORDER BY rowid"),
            partCount: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM documents WHERE parent_id = ?"),
            partCounts: db.prepare<[], { parent_id: string; n: number }>(
                "SELECT parent_id, COUNT(*) AS n FROM documents WHERE parent_id IS NOT NULL GROUP BY parent_id"
            ),
            insertPart: db.prepare(`
                INSERT INTO documents (id, source_path, display_name, format, title, content_hash, size_bytes, mtime_ms, status, created_at, updated_at,
                    collection_id, parent_id, part_key, sender, sent_at)
                SELECT @id, @sourcePath, @title, format, @title, @contentHash, @sizeBytes, mtime_ms, 'queued', @now, @now,
                    collection_id, id, @key, @sender, @sentAt
                FROM documents WHERE id = @parentId`),
            updatePart: db.prepare(`
                UPDATE documents SET display_name = @title, title = @title, content_hash = @contentHash, size_bytes = @sizeBytes,
                    sender = @sender, sent_at = @sentAt, updated_at = @now
                WHERE id = @id`),
            deletePartsExcept: db.prepare("DELETE FROM documents WHERE parent_id = ? AND part_key NOT IN (SELECT value FROM json_each(?))"),
            deleteParts: db.prepare("DELETE FROM documents WHERE parent_id = ?"),
            withParts: db.prepare<[string, string], { id: string }>(
                "SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?)) OR parent_id IN (SELECT value FROM json_each(?))"
            ),
            insert: db.prepare(`
                INSERT INTO documents (id, source_path, display_name, format, content_hash, size_bytes, mtime_ms, status, created_at, updated_at, collection_id)
                VALUES (@id, @sourcePath, @displayName, @format, @contentHash, @sizeBytes, @mtimeMs, 'queued', @now, @now, @collectionId)`),
            requeue: db.prepare(`
                UPDATE documents SET display_name = @displayName, format = COALESCE(@format, format), content_hash = @contentHash,
                    size_bytes = @sizeBytes, mtime_ms = @mtimeMs, status = 'queued', status_reason = NULL, updated_at = @now,
                    collection_id = CASE WHEN @keepCollection THEN collection_id ELSE @collectionId END
                WHERE id = @id`),
            // A file and its parts are always in the same collection, whichever of them is moved.
            setCollection: db.prepare(`
                UPDATE documents SET collection_id = @collectionId, updated_at = @now
                WHERE id = @family OR parent_id = @family`),
            familyOf: db.prepare<[string], { id: string }>("SELECT COALESCE(parent_id, id) AS id FROM documents WHERE id = ?"),
            inCollections: db.prepare<[string], { id: string }>(
                "SELECT id FROM documents WHERE collection_id IN (SELECT value FROM json_each(?))"
            ),
            setStatus: db.prepare("UPDATE documents SET status = ?, status_reason = NULL, updated_at = ? WHERE id = ?"),
            markFailed: db.prepare(`
                UPDATE documents SET status = 'failed', status_reason = ?, chunk_count = 0, embedding_model_id = NULL,
                    indexed_at = NULL, updated_at = ? WHERE id = ?`),
            markIndexed: db.prepare(`
                UPDATE documents SET status = 'indexed', status_reason = @note, chunk_count = @chunkCount,
                    embedding_model_id = @embeddingModelId, title = COALESCE(@title, title), format = COALESCE(@format, format),
                    page_count = COALESCE(@pageCount, page_count), content_hash = COALESCE(@contentHash, content_hash),
                    indexed_at = @now, updated_at = @now
                WHERE id = @id`),
            requeueInterrupted: db.prepare(
                "UPDATE documents SET status = 'queued', updated_at = ? WHERE status IN ('parsing', 'embedding') AND parent_id IS NULL"
            ),
            requeueAll: db.prepare(`
                UPDATE documents SET status = 'queued', status_reason = NULL, chunk_count = 0, embedding_model_id = NULL,
                    indexed_at = NULL, updated_at = ? WHERE status != 'failed'`),
            delete: db.prepare("DELETE FROM documents WHERE id = ?")
        };
    }

    get(documentId: string): LibraryDocument | undefined {
        const row = this.#statements.get.get(documentId);
        return row && toDocument(row);
    }

    getByPath(sourcePath: string): LibraryDocument | undefined {
        const row = this.#statements.byPath.get(sourcePath);
        return row && toDocument(row);
    }

    /** Every document, parts included (each after its file). */
    list(statuses?: readonly DocumentStatus[]): LibraryDocument[] {
        const rows = statuses === undefined ? this.#statements.list.all() : this.#statements.listByStatus.all(JSON.stringify(statuses));
        return rows.map(toDocument);
    }

    /** The files only, without the documents inside them: what ingestion queues and the watcher checks. */
    listFiles(statuses?: readonly DocumentStatus[]): LibraryDocument[] {
        const rows = statuses === undefined ? this.#statements.listFiles.all() : this.#statements.listFilesByStatus.all(JSON.stringify(statuses));
        return rows.map(toDocument);
    }

    parts(parentId: string): LibraryDocument[] {
        return this.#statements.parts.all(parentId).map(toDocument);
    }

    /** How many parts one file has (0 for a file without parts). */
    partCount(parentId: string): number {
        return this.#statements.partCount.get(parentId)?.n ?? 0;
    }

    /** How many parts each file with parts has, by the file's id. */
    partCounts(): Map<string, number> {
        return new Map(this.#statements.partCounts.all().map((row) => [row.parent_id, row.n]));
    }

    /** Adds a part to a file (in the file's collection), not yet indexed. Returns its id. */
    insertPart(parent: LibraryDocument, part: PartFacts): string {
        const id = randomUUID();
        this.#statements.insertPart.run({ ...partRow(part), id, parentId: parent.id, sourcePath: partSourcePath(parent.sourcePath, part.key), key: part.key });
        return id;
    }

    updatePart(documentId: string, part: PartFacts): void {
        this.#statements.updatePart.run({ ...partRow(part), id: documentId });
    }

    /** Removes the parts of a file whose keys are not in `keys`; returns how many. */
    deletePartsExcept(parentId: string, keys: readonly string[]): number {
        return this.#statements.deletePartsExcept.run(parentId, JSON.stringify(keys)).changes;
    }

    deleteParts(parentId: string): number {
        return this.#statements.deleteParts.run(parentId).changes;
    }

    /** These ids with the ids of the parts inside them: a file in a search scope stands for its parts. */
    withParts(documentIds: readonly string[]): string[] {
        const json = JSON.stringify(documentIds);
        return this.#statements.withParts.all(json, json).map((row) => row.id);
    }

    /** Inserts a new document as queued, or re-queues the one at the same path. Returns its id. */
    queue(source: DocumentSource): string {
        const existing = this.#statements.byPath.get(source.sourcePath);
        const row = {
            id: existing?.id ?? randomUUID(), now: Date.now(), sourcePath: source.sourcePath, displayName: source.displayName,
            format: source.format ?? null, contentHash: source.contentHash ?? null, sizeBytes: source.sizeBytes, mtimeMs: source.mtimeMs,
            collectionId: source.collectionId ?? null, keepCollection: source.collectionId === undefined ? 1 : 0
        };
        if (existing) this.#statements.requeue.run(row);
        else this.#statements.insert.run(row);
        if (existing && source.collectionId !== undefined) this.setCollection(row.id, source.collectionId);
        return row.id;
    }

    /** Moves a document to a collection, with the file it is in and that file's other parts. */
    setCollection(documentId: string, collectionId: string | null): boolean {
        const family = this.#statements.familyOf.get(documentId)?.id;
        return family !== undefined && this.#statements.setCollection.run({ collectionId, now: Date.now(), family }).changes > 0;
    }

    /** Ids of the documents in any of these collections. */
    idsInCollections(collectionIds: readonly string[]): string[] {
        return this.#statements.inCollections.all(JSON.stringify(collectionIds)).map((row) => row.id);
    }

    setStatus(documentId: string, status: DocumentStatus): boolean {
        return this.#statements.setStatus.run(status, Date.now(), documentId).changes > 0;
    }

    markFailed(documentId: string, reason: string): boolean {
        return this.#statements.markFailed.run(reason, Date.now(), documentId).changes > 0;
    }

    markIndexed(documentId: string, chunkCount: number, embeddingModelId: string, details: IndexedDocumentDetails): boolean {
        return this.#statements.markIndexed.run({
            id: documentId, now: Date.now(), chunkCount, embeddingModelId, title: details.title ?? null,
            format: details.format ?? null, pageCount: details.pageCount ?? null, contentHash: details.contentHash ?? null, note: details.note ?? null
        }).changes > 0;
    }

    requeueInterrupted(): number {
        return this.#statements.requeueInterrupted.run(Date.now()).changes;
    }

    requeueAll(): number {
        return this.#statements.requeueAll.run(Date.now()).changes;
    }

    delete(documentId: string): boolean {
        return this.#statements.delete.run(documentId).changes > 0;
    }
}
