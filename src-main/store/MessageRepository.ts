import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { AnswerFigures } from "@common/contract/chatTypes.js";
import type { Citation } from "@common/contract/libraryTypes.js";
import type { ChatMessage, MessageRole, MessageStatus } from "@common/contract/types.js";

/** A message as stored: the contract's message and its place in the chat's tree. */
export type StoredMessage = ChatMessage & { parentId: string | null; seq: number; chosenAt: number };

/** How an answer ended, written in one statement so a reader never sees half of it. */
export type FinishedAnswer = {
    content: string;
    status: MessageStatus;
    error?: string;
    citations?: readonly Citation[];
    thinking?: { text: string; seconds: number | null };
    figures?: AnswerFigures;
    notice?: string;
};

type Row = {
    id: string; chat_id: string; role: MessageRole; content: string; status: MessageStatus; error: string | null; created_at: number;
    citations: string | null; parent_id: string | null; seq: number; chosen_at: number; thinking: string | null; details: string | null;
};
/** The JSON in `details`: figures, a notice and how long the thinking took. */
type Details = { figures?: AnswerFigures; notice?: string; thinkingSeconds?: number | null };

function toMessage(row: Row): StoredMessage {
    const details = row.details == null ? {} : (JSON.parse(row.details) as Details);
    return {
        id: row.id, chatId: row.chat_id, role: row.role, content: row.content, status: row.status, createdAt: row.created_at,
        parentId: row.parent_id, seq: row.seq, chosenAt: row.chosen_at,
        ...(row.error == null ? {} : { error: row.error }),
        ...(row.citations == null ? {} : { citations: JSON.parse(row.citations) as Citation[] }),
        ...(row.thinking == null ? {} : { thinking: { text: row.thinking, seconds: details.thinkingSeconds ?? null } }),
        ...(details.figures == null ? {} : { figures: details.figures }),
        ...(details.notice == null ? {} : { notice: details.notice })
    };
}

/** The messages of chats, as a tree per chat (migration 012). Prepared statements only; no SQL is built from input. */
export class MessageRepository {
    readonly #statements;

    constructor(private readonly db: Database, private readonly now: () => number) {
        this.#statements = {
            all: db.prepare<[string], Row>("SELECT * FROM messages WHERE chat_id = ? ORDER BY seq"),
            get: db.prepare<[string], Row>("SELECT * FROM messages WHERE id = ?"),
            nextSeq: db.prepare<[string], { seq: number }>("SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM messages WHERE chat_id = ?"),
            insert: db.prepare(`INSERT INTO messages (id, chat_id, seq, role, content, status, created_at, parent_id, chosen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
            touchChat: db.prepare("UPDATE chats SET updated_at = ? WHERE id = ?"),
            update: db.prepare("UPDATE messages SET content = ?, status = ?, error = ? WHERE id = ?"),
            progress: db.prepare("UPDATE messages SET content = ?, thinking = ? WHERE id = ?"),
            finish: db.prepare("UPDATE messages SET content = ?, status = ?, error = ?, citations = ?, thinking = ?, details = ? WHERE id = ?"),
            choose: db.prepare("UPDATE messages SET chosen_at = ? WHERE id = ?"),
            reparent: db.prepare("UPDATE messages SET parent_id = ? WHERE id = ?"),
            delete: db.prepare("DELETE FROM messages WHERE id = ?"),
            interrupt: db.prepare("UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'")
        };
    }

    /** Every message of the chat, every branch, in the order written. */
    all(chatId: string): StoredMessage[] {
        return this.#statements.all.all(chatId).map(toMessage);
    }

    get(messageId: string): StoredMessage | undefined {
        const row = this.#statements.get.get(messageId);
        return row && toMessage(row);
    }

    /** Appends a message after `parentId` (chosen, so it is shown) and bumps the chat, atomically. */
    add(chatId: string, role: MessageRole, content: string, status: MessageStatus, parentId: string | null): StoredMessage {
        return this.db.transaction(() => {
            const now = this.now();
            const id = randomUUID();
            const seq = this.#statements.nextSeq.get(chatId)?.seq ?? 1;
            this.#statements.insert.run(id, chatId, seq, role, content, status, now, parentId, now);
            this.#statements.touchChat.run(now, chatId);
            return { id, chatId, role, content, status, createdAt: now, parentId, seq, chosenAt: now };
        })();
    }

    update(messageId: string, content: string, status: MessageStatus, error?: string): void {
        this.#statements.update.run(content, status, error ?? null, messageId);
    }

    /** The text (and thinking) of an answer still streaming, saved as it grows. */
    progress(messageId: string, content: string, thinking: string | null): void {
        this.#statements.progress.run(content, thinking, messageId);
    }

    finish(messageId: string, answer: FinishedAnswer): void {
        const details: Details = {
            ...(answer.figures ? { figures: answer.figures } : {}),
            ...(answer.notice ? { notice: answer.notice } : {}),
            ...(answer.thinking ? { thinkingSeconds: answer.thinking.seconds } : {})
        };
        this.#statements.finish.run(
            answer.content, answer.status, answer.error ?? null, answer.citations == null ? null : JSON.stringify(answer.citations),
            answer.thinking?.text ?? null, Object.keys(details).length === 0 ? null : JSON.stringify(details), messageId
        );
    }

    /** Makes this version the one shown at its step. */
    choose(messageId: string): void {
        this.#statements.choose.run(this.now(), messageId);
    }

    /** Removes messages and moves others under a new parent, in one transaction. */
    removeAndReattach(remove: readonly string[], reattach: readonly string[], to: string | null, chosen: string | null): void {
        this.db.transaction(() => {
            for (const id of reattach) this.#statements.reparent.run(to, id);
            if (chosen != null) this.#statements.choose.run(this.now(), chosen);
            for (const id of remove) this.#statements.delete.run(id);
        })();
    }

    /** After a crash, answers that were still streaming are kept (their text so far) and marked. */
    markInterrupted(): number {
        return this.#statements.interrupt.run().changes;
    }
}
