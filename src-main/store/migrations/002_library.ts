import type { Migration } from "../Migration.js";

/**
 * The document library: documents, their chunks, and a full-text index over chunk text.
 * Vector tables are not created here: their width depends on the embedding model, so
 * `VectorIndex` creates `vec_chunks_<dimension>` on demand (see store/library/vectorTableName.ts).
 */
export const migration002: Migration = {
    version: 2,
    name: "document library",
    up(db) {
        db.exec(`
            CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                source_path TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                format TEXT,
                title TEXT,
                content_hash TEXT,
                size_bytes INTEGER NOT NULL,
                mtime_ms INTEGER NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('queued', 'parsing', 'embedding', 'indexed', 'failed')),
                status_reason TEXT,
                page_count INTEGER,
                chunk_count INTEGER NOT NULL DEFAULT 0,
                embedding_model_id TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                indexed_at INTEGER
            );
            CREATE INDEX documents_by_status ON documents(status);

            -- AUTOINCREMENT: a chunk id is never reused, so a citation saved with an answer can never
            -- silently point at another document's text after a delete.
            CREATE TABLE chunks (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                section_index INTEGER NOT NULL,
                page INTEGER,
                heading_path TEXT NOT NULL CHECK (json_valid(heading_path)),
                char_start INTEGER NOT NULL,
                char_end INTEGER NOT NULL CHECK (char_end >= char_start),
                token_count INTEGER NOT NULL,
                text TEXT NOT NULL,
                UNIQUE (document_id, ordinal)
            );

            -- External content: the text lives once, in chunks. remove_diacritics 2 lets "resume" find
            -- "résumé" in any Latin-script language; headings are indexed too, weighted lower at query time.
            CREATE VIRTUAL TABLE chunks_fts USING fts5(
                text, heading_path,
                content = 'chunks', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            -- Headings count half as much as body text; set as the table's rank so ORDER BY rank stays fast.
            INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('rank', 'bm25(1.0, 0.5)');
            -- Triggers keep the index exact whichever way a chunk goes, a cascade from documents included.
            CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
                INSERT INTO chunks_fts (rowid, text, heading_path) VALUES (new.id, new.text, new.heading_path);
            END;
            CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
                INSERT INTO chunks_fts (chunks_fts, rowid, text, heading_path)
                VALUES ('delete', old.id, old.text, old.heading_path);
            END;
            CREATE TRIGGER chunks_fts_update AFTER UPDATE ON chunks BEGIN
                INSERT INTO chunks_fts (chunks_fts, rowid, text, heading_path)
                VALUES ('delete', old.id, old.text, old.heading_path);
                INSERT INTO chunks_fts (rowid, text, heading_path) VALUES (new.id, new.text, new.heading_path);
            END;

            -- Small facts about the library, such as the identity of the embedding model its vectors came from.
            CREATE TABLE library_meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
        `);
    }
};
