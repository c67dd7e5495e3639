import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "better-sqlite3";
import { openDatabase } from "../../../../src-main/store/openDatabase.js";
import { LibraryStore } from "../../../../src-main/store/library/LibraryStore.js";
import type { NewChunk } from "../../../../src-main/store/library/types.js";

const dirs: string[] = [];

/** A fresh database file in a temporary folder (a file, not :memory:, so tests can reopen it). */
export function tempDatabaseFile(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-library-"));
    dirs.push(dir);
    return path.join(dir, "locus.sqlite");
}

export function removeTempDatabases(): void {
    dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
}

export function openLibrary(file = tempDatabaseFile()): { db: Database; store: LibraryStore; file: string } {
    const db = openDatabase(file);
    return { db, store: new LibraryStore(db), file };
}

/** Chunks for tests: one per text, all in section 0, offsets as if the texts were one section joined by "\n\n". */
export function chunksOf(texts: readonly string[], extra: Partial<NewChunk> = {}): NewChunk[] {
    let offset = 0;
    return texts.map((text) => {
        const chunk: NewChunk = {
            text, sectionIndex: 0, headingPath: [], charStart: offset, charEnd: offset + text.length,
            tokenCount: text.split(/\s+/).filter(Boolean).length, ...extra
        };
        offset += text.length + 2;
        return chunk;
    });
}

export function countRows(db: Database, table: "chunks" | "chunks_fts" | "documents" | string): number {
    // Test-only helper: the table name comes from the test's own literals.
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}
