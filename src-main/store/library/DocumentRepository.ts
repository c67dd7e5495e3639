import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { DocumentSource, DocumentStatus, IndexedDocumentDetails, LibraryDocument } from "./types.js";

type DocumentRow = {
    id: string; source_path: string; display_name: string; format: string | null; title: string | null;
    content_hash: string | null; size_bytes: number; mtime_ms: number; status: DocumentStatus;
    status_reason: string | null; page_count: number | null; chunk_count: number;
    embedding_model_id: string | null; created_at: number; updated_at: number; indexed_at: number | null;
    collection_id: string | null;
};

const toDocument = (row: DocumentRow): LibraryDocument => ({
    id: row.id, sourcePath: row.source_path, displayName: row.display_name, format: row.format, title: row.title,
    contentHash: row.content_hash, sizeBytes: row.size_bytes, mtimeMs: row.mtime_ms, status: row.status,
    statusReason: row.status_reason, pageCount: row.page_count, chunkCount: row.chunk_count,
    embeddingModelId: row.embedding_model_id, createdAt: row.created_at, updatedAt: row.updated_at, indexedAt: row.indexed_at,
    collectionId: row.collection_id
});

/** The documents table. Chunk and vector bookkeeping is LibraryStore's; this class only knows document rows. */
export class DocumentRepository {
    readonly #statements;

    constructor(db: Database) {
        this.#statements = {
            get: db.prepare<[string], DocumentRow>("SELECT * FROM documents WHERE id = ?"),
            byPath: db.prepare<[string], DocumentRow>("SELECT * FROM documents WHERE source_path = ?"),
            list: db.prepare<[], DocumentRow>("SELECT * FROM documents ORDER BY display_name COLLATE NOCASE, id"),
            // Oldest first: the order ingestion works through its queue.
            listByStatus: db.prepare<[string], DocumentRow>(
                "SELECT * FROM documents WHERE status IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid"
            ),
            insert: db.prepare(`
                INSERT INTO documents (id, source_path, display_name, format, content_hash, size_bytes, mtime_ms, status, created_at, updated_at, collection_id)
                VALUES (@id, @sourcePath, @displayName, @format, @contentHash, @sizeBytes, @mtimeMs, 'queued', @now, @now, @collectionId)`),
            requeue: db.prepare(`
                UPDATE documents SET display_name = @displayName, format = COALESCE(@format, format), content_hash = @contentHash,
                    size_bytes = @sizeBytes, mtime_ms = @mtimeMs, status = 'queued', status_reason = NULL, updated_at = @now,
                    collection_id = CASE WHEN @keepCollection THEN collection_id ELSE @collectionId END
                WHERE id = @id`),
            setCollection: db.prepare("UPDATE documents SET collection_id = ?, updated_at = ? WHERE id = ?"),
            inCollections: db.prepare<[string], { id: string }>(
                "SELECT id FROM documents WHERE collection_id IN (SELECT value FROM json_each(?))"
            ),
            setStatus: db.prepare("UPDATE documents SET status = ?, status_reason = NULL, updated_at = ? WHERE id = ?"),
            markFailed: db.prepare(`
                UPDATE documents SET status = 'failed', status_reason = ?, chunk_count = 0, embedding_model_id = NULL,
                    indexed_at = NULL, updated_at = ? WHERE id = ?`),
            markIndexed: db.prepare(`
                UPDATE documents SET status = 'indexed', status_reason = NULL, chunk_count = @chunkCount,
                    embedding_model_id = @embeddingModelId, title = COALESCE(@title, title), format = COALESCE(@format, format),
                    page_count = COALESCE(@pageCount, page_count), content_hash = COALESCE(@contentHash, content_hash),
                    indexed_at = @now, updated_at = @now
                WHERE id = @id`),
            requeueInterrupted: db.prepare(
                "UPDATE documents SET status = 'queued', updated_at = ? WHERE status IN ('parsing', 'embedding')"
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

    list(statuses?: readonly DocumentStatus[]): LibraryDocument[] {
        const rows = statuses === undefined ? this.#statements.list.all() : this.#statements.listByStatus.all(JSON.stringify(statuses));
        return rows.map(toDocument);
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
        return row.id;
    }

    setCollection(documentId: string, collectionId: string | null): boolean {
        return this.#statements.setCollection.run(collectionId, Date.now(), documentId).changes > 0;
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
            format: details.format ?? null, pageCount: details.pageCount ?? null, contentHash: details.contentHash ?? null
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
