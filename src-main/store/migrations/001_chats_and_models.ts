import type { Migration } from "../Migration.js";

/** Chats, their messages and the models the person added. */
export const migration001: Migration = {
    version: 1,
    name: "chats and models",
    up(db) {
        db.exec(`
            CREATE TABLE models (
                id TEXT PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                file_name TEXT NOT NULL,
                display_name TEXT NOT NULL,
                architecture TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                parameter_count_label TEXT,
                added_at INTEGER NOT NULL
            );
            CREATE TABLE chats (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE TABLE messages (
                id TEXT PRIMARY KEY,
                chat_id TEXT NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
                content TEXT NOT NULL,
                status TEXT NOT NULL,
                error TEXT,
                created_at INTEGER NOT NULL,
                UNIQUE (chat_id, seq)
            );
            CREATE INDEX chats_by_update ON chats(updated_at DESC);
        `);
    }
};
