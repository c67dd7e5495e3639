import type { Migration } from "../Migration.js";

/** The person's choices (models, context size, threads, learning), one JSON value per key. */
export const migration004: Migration = {
    version: 4,
    name: "settings",
    up(db) {
        db.exec(`
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL CHECK (json_valid(value))
            );
        `);
    }
};
