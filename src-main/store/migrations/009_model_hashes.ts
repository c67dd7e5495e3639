import type { Migration } from "../Migration.js";

/**
 * Each model file's SHA-256, and where it came from: "computed" when Locus hashed a file the person
 * imported, "catalog" or "hub" when a download was checked against that published hash.
 */
export const migration009: Migration = {
    version: 9,
    name: "model hashes",
    up(db) {
        db.exec(`
            ALTER TABLE models ADD COLUMN sha256 TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'));
            ALTER TABLE models ADD COLUMN sha256_source TEXT CHECK (sha256_source IS NULL OR sha256_source IN ('computed', 'catalog', 'hub'));
        `);
    }
};
