import type { Migration } from "../Migration.js";

/**
 * Documents inside a file (the messages of a mailbox), each listed, searched and cited on its own:
 * - `parent_id`: the file's row, which stays the unit of the ingest queue (hash, size, status,
 *   resumable vectors); removing it removes its parts with their chunks, full-text rows and vectors.
 * - `part_key`: the part's identity in its file (a message's Message-ID), unique per file, so an edit of
 *   the file updates, adds and removes parts instead of re-creating them all.
 * - `sender`, `sent_at`: who sent a message and when, as shown ("2024-03-01 09:30 UTC").
 * A part's `source_path` is its file's path, a NUL and its key: unique, and never the path of a real file.
 * Mailboxes indexed before, as one document, go back to the queue to be indexed message by message.
 */
export const migration013: Migration = {
    version: 13,
    name: "documents inside files (mailbox messages)",
    up(db) {
        db.exec(`
            ALTER TABLE documents ADD COLUMN parent_id TEXT REFERENCES documents(id) ON DELETE CASCADE;
            ALTER TABLE documents ADD COLUMN part_key TEXT;
            ALTER TABLE documents ADD COLUMN sender TEXT;
            ALTER TABLE documents ADD COLUMN sent_at TEXT;
            CREATE UNIQUE INDEX documents_parts ON documents(parent_id, part_key) WHERE parent_id IS NOT NULL;
            UPDATE documents SET status = 'queued', updated_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000
            WHERE status = 'indexed' AND format = 'email' AND (lower(source_path) LIKE '%.mbox' OR lower(source_path) LIKE '%.mbx');
        `);
    }
};
