import fs from "node:fs";
import path from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { registerFtsText } from "./library/ftsText.js";
import { loadVectorExtension } from "./loadVectorExtension.js";

/**
 * Opens (creating if needed) a Locus database file, not yet migrated: WAL, foreign keys, sqlite-vec
 * (when it loads; see vectorExtensionProblem) and the full-text helper.
 */
export function openConnection(file: string): Database {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new BetterSqlite3(file);
    try {
        db.pragma("journal_mode = WAL");
        // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the last commits.
        db.pragma("synchronous = NORMAL");
        db.pragma("foreign_keys = ON");
        db.pragma("busy_timeout = 5000");
        // Without it (a damaged installation) the database still opens: only vector search is lost.
        loadVectorExtension(db);
        // The full-text index's triggers call it on every chunk written (migration 007).
        registerFtsText(db);
        return db;
    } catch (error) {
        db.close();
        throw error;
    }
}
