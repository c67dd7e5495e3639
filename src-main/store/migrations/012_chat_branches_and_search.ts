import { ftsTextFunction, registerFtsText } from "../library/ftsText.js";
import type { Migration } from "../Migration.js";

/**
 * Chats people can work in.
 * - Messages form a tree: `parent_id` is the message a message answers or follows (NULL for a chat's first
 *   question). A regenerated answer is a sibling of the old one, an edited question a sibling of the old
 *   question; `chosen_at` says which sibling was chosen last, so the shown conversation is the path that
 *   takes the latest-chosen child at each step. Existing chats become one straight branch. `parent_id` has
 *   no foreign key on purpose: a cascade per level would recurse once per message and hit SQLite's trigger
 *   depth on long chats; ChatRepository deletes subtrees itself.
 * - An answer keeps its thinking section apart from its text, and its figures (`details`, JSON).
 * - A chat may have its own system prompt, sampling settings and attached documents (NULL: the defaults).
 * - Chat titles and message texts get full-text indexes (contentless, keyed by the tables' rowids, the
 *   text passed through the same CJK-aware function as the library's). Answers are indexed once they
 *   stop streaming, so 250 ms saves of a growing answer do not rewrite the index.
 */
export const migration012: Migration = {
    version: 12,
    name: "chat branches, settings and search",
    up(db) {
        registerFtsText(db);
        db.exec(`
            ALTER TABLE messages ADD COLUMN parent_id TEXT;
            ALTER TABLE messages ADD COLUMN chosen_at INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE messages ADD COLUMN thinking TEXT;
            ALTER TABLE messages ADD COLUMN details TEXT CHECK (details IS NULL OR json_valid(details));

            UPDATE messages SET
                parent_id = (
                    SELECT p.id FROM messages p WHERE p.chat_id = messages.chat_id AND p.seq < messages.seq ORDER BY p.seq DESC LIMIT 1
                ),
                chosen_at = created_at;
            CREATE INDEX messages_by_parent ON messages(chat_id, parent_id);

            ALTER TABLE chats ADD COLUMN system_prompt TEXT;
            ALTER TABLE chats ADD COLUMN sampling TEXT CHECK (sampling IS NULL OR json_valid(sampling));
            ALTER TABLE chats ADD COLUMN document_ids TEXT CHECK (document_ids IS NULL OR json_valid(document_ids));

            CREATE VIRTUAL TABLE chat_title_fts USING fts5(
                title, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
            );
            CREATE VIRTUAL TABLE message_fts USING fts5(
                content, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
            );
            INSERT INTO chat_title_fts (rowid, title) SELECT rowid, ${ftsTextFunction}(title) FROM chats;
            INSERT INTO message_fts (rowid, content)
                SELECT rowid, ${ftsTextFunction}(content) FROM messages WHERE status <> 'streaming';

            CREATE TRIGGER chat_title_fts_insert AFTER INSERT ON chats BEGIN
                INSERT INTO chat_title_fts (rowid, title) VALUES (new.rowid, ${ftsTextFunction}(new.title));
            END;
            CREATE TRIGGER chat_title_fts_update AFTER UPDATE OF title ON chats BEGIN
                DELETE FROM chat_title_fts WHERE rowid = old.rowid;
                INSERT INTO chat_title_fts (rowid, title) VALUES (new.rowid, ${ftsTextFunction}(new.title));
            END;
            CREATE TRIGGER chat_title_fts_delete AFTER DELETE ON chats BEGIN
                DELETE FROM chat_title_fts WHERE rowid = old.rowid;
            END;

            CREATE TRIGGER message_fts_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
                INSERT INTO message_fts (rowid, content) VALUES (new.rowid, ${ftsTextFunction}(new.content));
            END;
            CREATE TRIGGER message_fts_update AFTER UPDATE OF content, status ON messages BEGIN
                DELETE FROM message_fts WHERE rowid = old.rowid;
                INSERT INTO message_fts (rowid, content)
                    SELECT new.rowid, ${ftsTextFunction}(new.content) WHERE new.status <> 'streaming';
            END;
            CREATE TRIGGER message_fts_delete AFTER DELETE ON messages BEGIN
                DELETE FROM message_fts WHERE rowid = old.rowid;
            END;
        `);
    }
};
