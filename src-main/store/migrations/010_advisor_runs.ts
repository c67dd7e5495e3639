import type { Migration } from "../Migration.js";

/**
 * The Advisor's runs: what was measured (the run's info as JSON, rewritten as results come in, so a kill
 * loses at most the configuration being measured), the folder of its lower-bit copies and adapters (kept in
 * main), and the library as it was (content hashes of the indexed documents), to tell when it went stale.
 */
export const migration010: Migration = {
    version: 10,
    name: "advisor_runs",
    up(db) {
        db.exec(`
            CREATE TABLE advisor_runs (
                id TEXT PRIMARY KEY,
                state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed')),
                started_at INTEGER NOT NULL,
                ended_at INTEGER,
                work_dir TEXT NOT NULL,
                library_snapshot TEXT NOT NULL CHECK (json_valid(library_snapshot)),
                info TEXT NOT NULL CHECK (json_valid(info)),
                -- configuration key -> the model file and adapter behind it (paths stay in main)
                files TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(files))
            );
            CREATE INDEX advisor_runs_started ON advisor_runs(started_at);
        `);
    }
};
