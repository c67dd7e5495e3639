import BetterSqlite3 from "better-sqlite3";
import { loadVectorExtension } from "../../../src-main/store/loadVectorExtension.js";

/** The key LibraryMeta keeps the embedding model (id and dimension) under. */
const embeddingModelKey = "embedding_model";

/**
 * What must hold in a library database at any moment, even just after a crash: SQLite's integrity check
 * and foreign keys; every chunk with exactly one keyword (FTS) row and, in an indexed document, one
 * vector of the library's dimension; no keyword row or vector without its chunk; an indexed document's
 * chunk count equal to its chunks. Read through a separate read-only connection; returns the violations.
 */
export function libraryInvariantViolations(file: string): string[] {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
        loadVectorExtension(db);
        const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
        const violations: string[] = [];
        const integrity = db.pragma("integrity_check", { simple: true });
        if (integrity !== "ok") violations.push(`integrity_check: ${String(integrity)}`);
        const foreign = db.pragma("foreign_key_check") as unknown[];
        if (foreign.length > 0) violations.push(`foreign_key_check: ${foreign.length} rows (${JSON.stringify(foreign.slice(0, 3))})`);

        const chunks = count("SELECT COUNT(*) AS n FROM chunks");
        const ftsRows = count("SELECT COUNT(*) AS n FROM chunks_fts");
        const withoutFts = count("SELECT COUNT(*) AS n FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM chunks_fts f WHERE f.rowid = c.id)");
        const ftsOrphans = count("SELECT COUNT(*) AS n FROM chunks_fts f WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.id = f.rowid)");
        if (ftsRows !== chunks || withoutFts > 0 || ftsOrphans > 0)
            violations.push(`keyword index: ${chunks} chunks, ${ftsRows} FTS rows, ${withoutFts} chunks without one, ${ftsOrphans} rows without a chunk`);

        // The vec0 tables themselves (their shadow tables have longer names).
        const vectorTables = (db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'vec_chunks_%'").all() as { name: string }[])
            .map((row) => row.name).filter((name) => /^vec_chunks_\d+$/.test(name));
        const meta = db.prepare("SELECT value FROM library_meta WHERE key = ?").get(embeddingModelKey) as { value: string } | undefined;
        const dimension = meta === undefined ? undefined : (JSON.parse(meta.value) as { dimension?: unknown }).dimension;
        const current = typeof dimension === "number" ? `vec_chunks_${dimension}` : undefined;
        for (const table of vectorTables) {
            const orphans = count(`SELECT COUNT(*) AS n FROM ${table} v WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.id = v.rowid)`);
            if (orphans > 0) violations.push(`${table}: ${orphans} vectors without a chunk`);
        }
        if (current !== undefined && vectorTables.includes(current)) {
            const missing = count(`SELECT COUNT(*) AS n FROM chunks c JOIN documents d ON d.id = c.document_id
                WHERE d.status = 'indexed' AND NOT EXISTS (SELECT 1 FROM ${current} v WHERE v.rowid = c.id)`);
            if (missing > 0) violations.push(`${current}: ${missing} chunks of indexed documents without a vector`);
        } else if (count("SELECT COUNT(*) AS n FROM documents WHERE status = 'indexed' AND chunk_count > 0") > 0 && vectorExtensionLoaded(db))
            violations.push("indexed documents but no vector table of the library's dimension");

        const wrongCounts = count(`SELECT COUNT(*) AS n FROM documents d WHERE d.status = 'indexed'
            AND d.chunk_count != (SELECT COUNT(*) FROM chunks c WHERE c.document_id = d.id)`);
        if (wrongCounts > 0) violations.push(`${wrongCounts} indexed documents whose chunk count differs from their chunks`);
        return violations;
    } finally {
        db.close();
    }
}

function vectorExtensionLoaded(db: BetterSqlite3.Database): boolean {
    try {
        db.prepare("SELECT vec_version()").get();
        return true;
    } catch {
        return false;
    }
}
