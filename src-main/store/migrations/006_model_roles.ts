import type { Migration } from "../Migration.js";

/** Models in the list have a role: chat, embedding or reranker (read from the GGUF header when added). */
export const migration006: Migration = {
    version: 6,
    name: "model roles",
    up(db) {
        db.exec("ALTER TABLE models ADD COLUMN role TEXT NOT NULL DEFAULT 'chat' CHECK (role IN ('chat', 'embedding', 'reranker'))");
    }
};
