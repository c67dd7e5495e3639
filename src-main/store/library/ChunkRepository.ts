import type { Database } from "better-sqlite3";
import type { ChunkWithDocument, KeywordHit, NewChunk } from "./types.js";

type ChunkRow = {
    id: number; document_id: string; ordinal: number; section_index: number; page: number | null; heading_path: string;
    char_start: number; char_end: number; token_count: number; text: string;
    document_name: string; document_title: string | null; document_format: string | null;
};

const toChunk = (row: ChunkRow): ChunkWithDocument => ({
    id: row.id, documentId: row.document_id, ordinal: row.ordinal, sectionIndex: row.section_index, page: row.page,
    headingPath: JSON.parse(row.heading_path) as string[], charStart: row.char_start, charEnd: row.char_end,
    tokenCount: row.token_count, text: row.text, documentName: row.document_name, documentTitle: row.document_title,
    documentFormat: row.document_format
});

const selectChunks = `
    SELECT c.*, d.display_name AS document_name, d.title AS document_title, d.format AS document_format
    FROM chunks c JOIN documents d ON d.id = c.document_id`;

/** Chunk rows and the full-text index over them (kept in step by the triggers of migration 002). */
export class ChunkRepository {
    readonly #statements;

    constructor(db: Database) {
        this.#statements = {
            insert: db.prepare(`
                INSERT INTO chunks (document_id, ordinal, section_index, page, heading_path, char_start, char_end, token_count, text, embed_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
            deleteForDocument: db.prepare("DELETE FROM chunks WHERE document_id = ?"),
            deleteAll: db.prepare("DELETE FROM chunks"),
            forDocument: db.prepare<[string], ChunkRow>(`${selectChunks} WHERE c.document_id = ? ORDER BY c.ordinal`),
            byIds: db.prepare<[string], ChunkRow>(`${selectChunks} WHERE c.id IN (SELECT value FROM json_each(?))`),
            count: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM chunks"),
            tokens: db.prepare<[], { n: number }>("SELECT COALESCE(SUM(token_count), 0) AS n FROM chunks"),
            // rank is bm25 with the weights set in migration 002; lower is better, so it is negated.
            keyword: db.prepare<[string, number], KeywordHit>(
                "SELECT rowid AS chunkId, -rank AS score FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?"
            ),
            keywordScoped: db.prepare<[string, string, number], KeywordHit>(`
                SELECT rowid AS chunkId, -rank AS score FROM chunks_fts
                WHERE chunks_fts MATCH ? AND rowid IN (SELECT id FROM chunks WHERE document_id IN (SELECT value FROM json_each(?)))
                ORDER BY rank LIMIT ?`)
        };
    }

    /** Returns the new chunk's id. */
    insert(documentId: string, ordinal: number, chunk: NewChunk): number {
        const result = this.#statements.insert.run(
            documentId, ordinal, chunk.sectionIndex, chunk.page ?? null, JSON.stringify(chunk.headingPath),
            chunk.charStart, chunk.charEnd, chunk.tokenCount, chunk.text, chunk.embedHash === undefined ? null : Buffer.from(chunk.embedHash)
        );
        return Number(result.lastInsertRowid);
    }

    deleteForDocument(documentId: string): number {
        return this.#statements.deleteForDocument.run(documentId).changes;
    }

    deleteAll(): number {
        return this.#statements.deleteAll.run().changes;
    }

    forDocument(documentId: string): ChunkWithDocument[] {
        return this.#statements.forDocument.all(documentId).map(toChunk);
    }

    byIds(chunkIds: readonly number[]): ChunkWithDocument[] {
        const byId = new Map(this.#statements.byIds.all(JSON.stringify(chunkIds)).map((row) => [row.id, toChunk(row)]));
        return chunkIds.flatMap((id) => byId.get(id) ?? []);
    }

    /** Tokens indexed, in the embedding model's tokenizer: the "amount of personal data" the wizard weighs. */
    tokens(): number {
        return this.#statements.tokens.get()?.n ?? 0;
    }

    count(): number {
        return this.#statements.count.get()?.n ?? 0;
    }

    /** `match` must be a safe FTS5 expression built by toFtsQuery, never raw input. */
    keywordSearch(match: string, limit: number, documentIds?: readonly string[]): KeywordHit[] {
        const k = Math.max(1, Math.floor(limit));
        if (documentIds === undefined) return this.#statements.keyword.all(match, k);
        return documentIds.length === 0 ? [] : this.#statements.keywordScoped.all(match, JSON.stringify(documentIds), k);
    }
}
