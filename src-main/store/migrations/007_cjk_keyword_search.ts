import { ftsTextFunction, registerFtsText } from "../library/ftsText.js";
import type { Migration } from "../Migration.js";

/**
 * Keyword search for Chinese and Japanese. The index becomes contentless (it stores no text, only the
 * tokens of `locus_fts_text(text)`, in which every CJK character is a token), with contentless_delete so
 * a chunk's row goes by rowid alone; existing chunks are re-indexed. Chunk text still lives only in chunks.
 */
export const migration007: Migration = {
    version: 7,
    name: "CJK keyword search",
    up(db) {
        registerFtsText(db);
        db.exec(`
            DROP TRIGGER IF EXISTS chunks_fts_insert;
            DROP TRIGGER IF EXISTS chunks_fts_delete;
            DROP TRIGGER IF EXISTS chunks_fts_update;
            DROP TABLE IF EXISTS chunks_fts;

            CREATE VIRTUAL TABLE chunks_fts USING fts5(
                text, heading_path,
                content = '', contentless_delete = 1,
                tokenize = 'unicode61 remove_diacritics 2'
            );
            INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('rank', 'bm25(1.0, 0.5)');
            INSERT INTO chunks_fts (rowid, text, heading_path)
                SELECT id, ${ftsTextFunction}(text), ${ftsTextFunction}(heading_path) FROM chunks;

            CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
                INSERT INTO chunks_fts (rowid, text, heading_path)
                VALUES (new.id, ${ftsTextFunction}(new.text), ${ftsTextFunction}(new.heading_path));
            END;
            CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
                DELETE FROM chunks_fts WHERE rowid = old.id;
            END;
            CREATE TRIGGER chunks_fts_update AFTER UPDATE OF text, heading_path ON chunks BEGIN
                DELETE FROM chunks_fts WHERE rowid = old.id;
                INSERT INTO chunks_fts (rowid, text, heading_path)
                VALUES (new.id, ${ftsTextFunction}(new.text), ${ftsTextFunction}(new.heading_path));
            END;
        `);
    }
};
