import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { Citation } from "@common/contract/libraryTypes.js";
import type { ChatMessage, ChatSummary, MessageRole, MessageStatus } from "@common/contract/types.js";

type ChatRow = { id: string; title: string; created_at: number; updated_at: number };
type MessageRow = {
    id: string; chat_id: string; role: MessageRole; content: string; status: MessageStatus;
    error: string | null; created_at: number; citations: string | null;
};

const toChat = (row: ChatRow): ChatSummary => ({
    id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at
});
const toMessage = (row: MessageRow): ChatMessage => ({
    id: row.id, chatId: row.chat_id, role: row.role, content: row.content, status: row.status,
    createdAt: row.created_at, ...(row.error == null ? {} : { error: row.error }),
    ...(row.citations == null ? {} : { citations: JSON.parse(row.citations) as Citation[] })
});

/** Chats and their messages. All statements are prepared once; no SQL is built from input. */
export class ChatRepository {
    readonly #statements;
    #lastTime = 0;

    constructor(private readonly db: Database) {
        this.#statements = {
            list: db.prepare<[], ChatRow>("SELECT * FROM chats ORDER BY updated_at DESC, rowid DESC"),
            get: db.prepare<[string], ChatRow>("SELECT * FROM chats WHERE id = ?"),
            insert: db.prepare("INSERT INTO chats (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)"),
            rename: db.prepare("UPDATE chats SET title = ?, updated_at = ? WHERE id = ?"),
            touch: db.prepare("UPDATE chats SET updated_at = ? WHERE id = ?"),
            delete: db.prepare("DELETE FROM chats WHERE id = ?"),
            messages: db.prepare<[string], MessageRow>("SELECT * FROM messages WHERE chat_id = ? ORDER BY seq"),
            nextSeq: db.prepare<[string], { seq: number }>(
                "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM messages WHERE chat_id = ?"
            ),
            insertMessage: db.prepare(
                "INSERT INTO messages (id, chat_id, seq, role, content, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            ),
            updateMessage: db.prepare("UPDATE messages SET content = ?, status = ?, error = ? WHERE id = ?"),
            setCitations: db.prepare("UPDATE messages SET citations = ? WHERE id = ?"),
            interrupt: db.prepare("UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'")
        };
    }

    list(): ChatSummary[] {
        return this.#statements.list.all().map(toChat);
    }

    get(chatId: string): ChatSummary | undefined {
        const row = this.#statements.get.get(chatId);
        return row && toChat(row);
    }

    create(title: string): ChatSummary {
        const now = this.#now();
        const id = randomUUID();
        this.#statements.insert.run(id, title, now, now);
        return { id, title, createdAt: now, updatedAt: now };
    }

    rename(chatId: string, title: string): boolean {
        return this.#statements.rename.run(title, this.#now(), chatId).changes > 0;
    }

    delete(chatId: string): boolean {
        return this.#statements.delete.run(chatId).changes > 0;
    }

    messages(chatId: string): ChatMessage[] {
        return this.#statements.messages.all(chatId).map(toMessage);
    }

    /** Appends a message and bumps the chat, atomically, so the order of messages is never ambiguous. */
    addMessage(chatId: string, role: MessageRole, content: string, status: MessageStatus): ChatMessage {
        return this.db.transaction(() => {
            const now = this.#now();
            const id = randomUUID();
            const seq = this.#statements.nextSeq.get(chatId)?.seq ?? 1;
            this.#statements.insertMessage.run(id, chatId, seq, role, content, status, now);
            this.#statements.touch.run(now, chatId);
            return { id, chatId, role, content, status, createdAt: now };
        })();
    }

    updateMessage(messageId: string, content: string, status: MessageStatus, error?: string): void {
        this.#statements.updateMessage.run(content, status, error ?? null, messageId);
    }

    setCitations(messageId: string, citations: readonly Citation[]): void {
        this.#statements.setCitations.run(JSON.stringify(citations), messageId);
    }

    /** After a crash, answers that were still streaming are kept (their text so far) and marked. */
    markInterrupted(): number {
        return this.#statements.interrupt.run().changes;
    }

    /** Strictly increasing timestamps, so "most recently used first" holds even within one millisecond. */
    #now(): number {
        this.#lastTime = Math.max(Date.now(), this.#lastTime + 1);
        return this.#lastTime;
    }
}
