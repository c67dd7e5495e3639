import fs from "node:fs";
import type { Database } from "better-sqlite3";
import { sqliteVecPath } from "./sqliteVecPath.js";

const problems = new WeakMap<Database, string>();

/**
 * Loads sqlite-vec into `db`. When it cannot (a deleted or broken file in an installation), the database
 * still opens, everything but vector search keeps working, and vectorExtensionProblem says why.
 */
export function loadVectorExtension(db: Database): void {
    let file = "sqlite-vec's loadable extension";
    try {
        file = sqliteVecPath();
        // SQLite's own message for a missing file names it with a second suffix (vec0.so.so): say it plainly.
        if (!fs.existsSync(file)) throw new Error("the file is missing");
        db.loadExtension(file);
    } catch (error) {
        problems.set(db, `${file} could not be loaded (${error instanceof Error ? error.message : String(error)})`);
    }
}

/** Why sqlite-vec is missing from `db`, in words; undefined when it is loaded. */
export function vectorExtensionProblem(db: Database): string | undefined {
    return problems.get(db);
}
