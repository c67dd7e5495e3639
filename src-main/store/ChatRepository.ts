import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { ChatSettings, SamplingSettings } from "@common/contract/chatTypes.js";
import type { ChatSummary } from "@common/contract/types.js";
import { ChatSearchIndex } from "./ChatSearchIndex.js";
import { MessageRepository } from "./MessageRepository.js";

type ChatRow = {
    id: string; title: string; created_at: number; updated_at: number;
    system_prompt: string | null; sampling: string | null; document_ids: string | null;
};

const toChat = (row: ChatRow): ChatSummary => ({
    id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at
});
const toSettings = (row: ChatRow): ChatSettings => ({
    systemPrompt: row.system_prompt,
    sampling: row.sampling == null ? null : (JSON.parse(row.sampling) as SamplingSettings),
    documentIds: row.document_ids == null ? [] : (JSON.parse(row.document_ids) as string[])
});

/**
 * Chats and their own settings; their messages through `messages`, full-text search through `search`.
 * All statements are prepared once; no SQL is built from input.
 */
export class ChatRepository {
    readonly messages: MessageRepository;
    readonly search: ChatSearchIndex;
    readonly #statements;
    #lastTime = 0;

    constructor(db: Database) {
        this.messages = new MessageRepository(db, () => this.#now());
        this.search = new ChatSearchIndex(db);
        this.#statements = {
            list: db.prepare<[], ChatRow>("SELECT * FROM chats ORDER BY updated_at DESC, rowid DESC"),
            get: db.prepare<[string], ChatRow>("SELECT * FROM chats WHERE id = ?"),
            insert: db.prepare("INSERT INTO chats (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)"),
            rename: db.prepare("UPDATE chats SET title = ?, updated_at = ? WHERE id = ?"),
            touch: db.prepare("UPDATE chats SET updated_at = ? WHERE id = ?"),
            delete: db.prepare("DELETE FROM chats WHERE id = ?"),
            systemPrompt: db.prepare("UPDATE chats SET system_prompt = ? WHERE id = ?"),
            sampling: db.prepare("UPDATE chats SET sampling = ? WHERE id = ?"),
            documents: db.prepare("UPDATE chats SET document_ids = ? WHERE id = ?")
        };
    }

    list(): ChatSummary[] {
        return this.#statements.list.all().map(toChat);
    }

    get(chatId: string): ChatSummary | undefined {
        const row = this.#statements.get.get(chatId);
        return row && toChat(row);
    }

    settings(chatId: string): ChatSettings | undefined {
        const row = this.#statements.get.get(chatId);
        return row && toSettings(row);
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

    /** Marks the chat as just used, so it moves to the top of the list. */
    touch(chatId: string): void {
        this.#statements.touch.run(this.#now(), chatId);
    }

    delete(chatId: string): boolean {
        return this.#statements.delete.run(chatId).changes > 0;
    }

    /** Changes the given settings only; null restores the default. */
    configure(chatId: string, patch: Partial<ChatSettings>): void {
        if (patch.systemPrompt !== undefined) this.#statements.systemPrompt.run(patch.systemPrompt, chatId);
        if (patch.sampling !== undefined) this.#statements.sampling.run(patch.sampling == null ? null : JSON.stringify(patch.sampling), chatId);
        if (patch.documentIds !== undefined)
            this.#statements.documents.run(patch.documentIds.length === 0 ? null : JSON.stringify([...new Set(patch.documentIds)]), chatId);
    }

    /** Strictly increasing timestamps, so "most recently used first" holds even within one millisecond. */
    #now(): number {
        this.#lastTime = Math.max(Date.now(), this.#lastTime + 1);
        return this.#lastTime;
    }
}
