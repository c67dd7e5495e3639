import type { Database } from "better-sqlite3";
import { migrate } from "./migrate.js";
import { migrations } from "./migrations/index.js";
import { openConnection } from "./openConnection.js";

/**
 * Opens (creating if needed) the one Locus database file: WAL, foreign keys, sqlite-vec (when it loads; see
 * vectorExtensionProblem), migrated. The hosts use openLocusDatabase, which adds backups and recovery.
 */
export function openDatabase(file: string): Database {
    const db = openConnection(file);
    try {
        migrate(db, migrations);
        return db;
    } catch (error) {
        db.close();
        throw error;
    }
}
