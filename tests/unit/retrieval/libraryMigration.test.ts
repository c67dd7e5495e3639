import BetterSqlite3 from "better-sqlite3";
import * as sqliteVec from "sqlite-vec";
import { describe, expect, it } from "vitest";
import { migrate } from "../../../src-main/store/migrate.js";
import { migrations } from "../../../src-main/store/migrations/index.js";
import { migration002 } from "../../../src-main/store/migrations/002_library.js";

function databaseAtVersion1(): BetterSqlite3.Database {
    const db = new BetterSqlite3(":memory:");
    sqliteVec.load(db);
    migrate(db, migrations.filter((migration) => migration.version < 2));
    db.prepare("INSERT INTO chats (id, title, created_at, updated_at) VALUES ('c1', 'Kept', 1, 1)").run();
    return db;
}

describe("migration 002: document library", () => {
    it("is registered as version 2", () => {
        expect(migrations[1]).toBe(migration002);
    });

    it("adds documents, chunks, the full-text index and library_meta to a version 1 database, keeping its data", () => {
        const db = databaseAtVersion1();
        expect(migrate(db, migrations).from).toBe(1);
        const names = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all().map((row) => (row as { name: string }).name);
        expect(names).toEqual(expect.arrayContaining([
            "documents", "chunks", "chunks_fts", "library_meta", "chunks_fts_insert", "chunks_fts_delete", "chunks_fts_update"
        ]));
        expect(db.prepare("SELECT title FROM chats").all()).toEqual([{ title: "Kept" }]);
    });

    it("keeps the full-text index in step with chunk inserts, updates and cascaded deletes", () => {
        const db = databaseAtVersion1();
        migrate(db, migrations);
        db.prepare("INSERT INTO documents (id, source_path, display_name, size_bytes, mtime_ms, status, created_at, updated_at) VALUES ('d', '/d', 'd', 1, 1, 'queued', 1, 1)").run();
        db.prepare("INSERT INTO chunks (document_id, ordinal, section_index, heading_path, char_start, char_end, token_count, text) VALUES ('d', 0, 0, '[\"Fees\"]', 0, 5, 1, 'Zebra')").run();
        const search = (term: string): unknown[] => db.prepare("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ?").all(term);
        expect(search("zebra")).toHaveLength(1);
        expect(search("fees")).toHaveLength(1);
        db.prepare("UPDATE chunks SET text = 'Okapi'").run();
        expect(search("zebra")).toHaveLength(0);
        expect(search("okapi")).toHaveLength(1);
        db.prepare("DELETE FROM documents").run();
        expect(search("okapi")).toHaveLength(0);
        expect(() => db.prepare("INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    });

    it("refuses a status outside the ingestion states and a heading path that is not JSON", () => {
        const db = databaseAtVersion1();
        migrate(db, migrations);
        const insert = db.prepare("INSERT INTO documents (id, source_path, display_name, size_bytes, mtime_ms, status, created_at, updated_at) VALUES (?, ?, 'd', 1, 1, ?, 1, 1)");
        expect(() => insert.run("x", "/x", "done")).toThrow(/CHECK/);
        insert.run("d", "/d", "queued");
        expect(() => db.prepare("INSERT INTO chunks (document_id, ordinal, section_index, heading_path, char_start, char_end, token_count, text) VALUES ('d', 0, 0, 'not json', 0, 1, 1, 'x')").run()).toThrow(/CHECK/);
    });
});
