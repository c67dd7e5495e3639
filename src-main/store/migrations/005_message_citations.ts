import type { Migration } from "../Migration.js";

/** Answers from the library keep their citations (JSON), so a reopened chat still links to its sources. */
export const migration005: Migration = {
    version: 5,
    name: "message citations",
    up(db) {
        db.exec("ALTER TABLE messages ADD COLUMN citations TEXT CHECK (citations IS NULL OR json_valid(citations))");
    }
};
