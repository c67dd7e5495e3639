import type { Database } from "better-sqlite3";

/** A chat whose title or messages match, with the best-matching message when one did. */
export type ChatMatch = { chatId: string; titleMatched: boolean; messageId: string | null; content: string | null };

type Row = { chat_id: string; title_hit: number; message_id: string | null; content: string | null };

/** Message hits ranked per chat wanted: enough that a few long chats full of the words do not crowd out the rest. */
const messageHitsPerChat = 20;

/**
 * Full-text search over chat titles and finished messages (the FTS5 indexes of migration 012). `match`
 * must be a safe FTS5 expression (see retrieval/toFtsQuery.ts), never raw input.
 */
export class ChatSearchIndex {
    readonly #search;

    constructor(db: Database) {
        // Best message per chat by BM25, among the best-ranked message hits only (a common word can match
        // every message; ranking them all and joining each to its chat took ~0.5 s at 100k messages);
        // chats matched by title alone come with no message. Title matches rank first, then the chats
        // whose best message ranks best.
        this.#search = db.prepare<[string, number, string, number], Row>(`
            WITH top_hits AS MATERIALIZED (
                SELECT rowid, rank FROM message_fts WHERE message_fts MATCH ? ORDER BY rank LIMIT ?
            ),
            message_hits AS (
                SELECT m.chat_id, m.id AS message_id, m.content, t.rank,
                    ROW_NUMBER() OVER (PARTITION BY m.chat_id ORDER BY t.rank, m.seq) AS n
                FROM top_hits t JOIN messages m ON m.rowid = t.rowid
            ),
            title_hits AS (
                SELECT c.id AS chat_id FROM chat_title_fts t JOIN chats c ON c.rowid = t.rowid WHERE chat_title_fts MATCH ?
            ),
            chats_found AS (
                SELECT chat_id FROM title_hits UNION SELECT chat_id FROM message_hits
            )
            SELECT f.chat_id, (t.chat_id IS NOT NULL) AS title_hit, h.message_id, h.content
            FROM chats_found f
            JOIN chats c ON c.id = f.chat_id
            LEFT JOIN title_hits t ON t.chat_id = f.chat_id
            LEFT JOIN message_hits h ON h.chat_id = f.chat_id AND h.n = 1
            ORDER BY title_hit DESC, COALESCE(h.rank, 0), c.updated_at DESC
            LIMIT ?`);
    }

    search(match: string, limit: number): ChatMatch[] {
        const chats = Math.max(1, Math.floor(limit));
        return this.#search.all(match, chats * messageHitsPerChat, match, chats).map((row) => ({
            chatId: row.chat_id, titleMatched: row.title_hit === 1, messageId: row.message_id, content: row.content
        }));
    }
}
