import type { Migration } from "../Migration.js";

/**
 * Model downloads, kept so that one survives a restart: the hub revision it pins, the SHA-256 it must
 * match, its partial file's folder, and how far it got. One unfinished job per catalog file at a time.
 */
export const migration003: Migration = {
    version: 3,
    name: "model downloads",
    up(db) {
        db.exec(`
            CREATE TABLE downloads (
                id TEXT PRIMARY KEY,
                catalog_id TEXT NOT NULL,
                quant TEXT NOT NULL,
                display_name TEXT NOT NULL,
                repository TEXT NOT NULL,
                revision TEXT NOT NULL,
                file_name TEXT NOT NULL,
                state TEXT NOT NULL
                    CHECK (state IN ('downloading', 'paused', 'verifying', 'completed', 'failed', 'cancelled')),
                total_bytes INTEGER NOT NULL,
                downloaded_bytes INTEGER NOT NULL DEFAULT 0,
                expected_sha256 TEXT NOT NULL CHECK (length(expected_sha256) = 64),
                sha256_source TEXT NOT NULL CHECK (sha256_source IN ('catalog', 'hub')),
                size_exact INTEGER NOT NULL CHECK (size_exact IN (0, 1)),
                partial_dir TEXT NOT NULL,
                file_path TEXT,
                model_id TEXT REFERENCES models(id) ON DELETE SET NULL,
                error_reason TEXT,
                error_message TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX downloads_one_unfinished_per_file ON downloads(catalog_id, quant)
                WHERE state IN ('downloading', 'paused', 'verifying');
            CREATE INDEX downloads_by_creation ON downloads(created_at DESC);
        `);
    }
};
