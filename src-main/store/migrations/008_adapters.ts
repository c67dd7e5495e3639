import type { Migration } from "../Migration.js";

/**
 * The registry of trained LoRA adapters. The file path stays in main; the base model is named by id
 * (kept, set to NULL, when that model leaves the list) and by the fingerprint of its file, which is
 * what decides whether the adapter may be applied. At most one adapter is active.
 */
export const migration008: Migration = {
    version: 8,
    name: "adapters",
    up(db) {
        db.exec(`
            CREATE TABLE adapters (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                file_path TEXT NOT NULL UNIQUE,
                base_model_id TEXT REFERENCES models(id) ON DELETE SET NULL,
                base_model_name TEXT NOT NULL,
                base_model_fingerprint TEXT NOT NULL,
                documents TEXT NOT NULL CHECK (json_valid(documents)),
                budget_minutes REAL NOT NULL,
                steps INTEGER NOT NULL,
                tokens_trained INTEGER NOT NULL,
                loss_before REAL,
                loss_after REAL,
                -- What the losses were measured on: held-out documents, or the training text when there were none.
                loss_on TEXT NOT NULL CHECK (loss_on IN ('held-out', 'training')),
                size_bytes INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
                scale REAL NOT NULL DEFAULT 1 CHECK (scale >= 0 AND scale <= 2)
            );
            CREATE UNIQUE INDEX adapters_one_active ON adapters(active) WHERE active = 1;
        `);
    }
};
