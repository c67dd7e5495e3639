import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { registerFtsText } from "../../../src-main/store/library/ftsText.js";
import { migrate } from "../../../src-main/store/migrate.js";
import { migrations } from "../../../src-main/store/migrations/index.js";

/** Found by name, so the test holds whatever number the migration gets when branches are merged. */
const chatMigration = migrations.find((m) => m.name === "chat branches, settings and search")!;

function databaseBeforeChatBranches(): BetterSqlite3.Database {
    const db = new BetterSqlite3(":memory:");
    db.pragma("foreign_keys = ON");
    registerFtsText(db);
    migrate(db, migrations.filter((m) => m.version < chatMigration.version));
    return db;
}

function insertMessage(db: BetterSqlite3.Database, id: string, chatId: string, seq: number, role: string, content: string, status = "done"): void {
    db.prepare("INSERT INTO messages (id, chat_id, seq, role, content, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .run(id, chatId, seq, role, content, status, 1000 + seq);
}

const titleHits = (db: BetterSqlite3.Database, match: string) =>
    db.prepare<[string], { rowid: number }>("SELECT rowid FROM chat_title_fts WHERE chat_title_fts MATCH ?").all(match).length;
const messageHits = (db: BetterSqlite3.Database, match: string) =>
    db.prepare<[string], { id: string }>(
        "SELECT m.id FROM message_fts f JOIN messages m ON m.rowid = f.rowid WHERE message_fts MATCH ? ORDER BY m.id"
    ).all(match).map((row) => row.id);

describe("migration: chat branches, settings and search", () => {
    it("is in the list of migrations", () => {
        expect(chatMigration).toBeDefined();
    });

    it("turns each existing chat into one straight branch, in the order of its messages", () => {
        const db = databaseBeforeChatBranches();
        db.prepare("INSERT INTO chats (id, title, created_at, updated_at) VALUES ('c', 'Trip', 1, 1)").run();
        insertMessage(db, "q1", "c", 1, "user", "Where to?");
        insertMessage(db, "a1", "c", 2, "assistant", "The coast.");
        insertMessage(db, "q2", "c", 3, "user", "When?");
        insertMessage(db, "a2", "c", 4, "assistant", "In June.");
        migrate(db, migrations);

        const rows = db.prepare("SELECT id, parent_id AS parentId, chosen_at AS chosenAt FROM messages ORDER BY seq").all();
        expect(rows).toEqual([
            { id: "q1", parentId: null, chosenAt: 1001 },
            { id: "a1", parentId: "q1", chosenAt: 1002 },
            { id: "q2", parentId: "a1", chosenAt: 1003 },
            { id: "a2", parentId: "q2", chosenAt: 1004 }
        ]);
        expect(db.prepare("SELECT system_prompt, sampling, document_ids FROM chats").get())
            .toEqual({ system_prompt: null, sampling: null, document_ids: null });
    });

    it("indexes existing titles and messages for search, Chinese included, but not answers still streaming", () => {
        const db = databaseBeforeChatBranches();
        db.prepare("INSERT INTO chats (id, title, created_at, updated_at) VALUES ('c', '退款政策', 1, 1)").run();
        insertMessage(db, "q1", "c", 1, "user", "What is the harbour colour?");
        insertMessage(db, "a1", "c", 2, "assistant", "Deep teal harbour", "streaming");
        migrate(db, migrations);

        expect(titleHits(db, "\"退 款\"")).toBe(1);
        expect(messageHits(db, "harbour")).toEqual(["q1"]);
    });

    it("keeps the search index in step as messages are added, finished, edited and deleted, and as chats go", () => {
        const db = databaseBeforeChatBranches();
        migrate(db, migrations);
        db.prepare("INSERT INTO chats (id, title, created_at, updated_at) VALUES ('c', 'Garden', 1, 1)").run();
        insertMessage(db, "q1", "c", 1, "user", "Which tomatoes grow fast?");
        insertMessage(db, "a1", "c", 2, "assistant", "", "streaming");
        db.prepare("UPDATE messages SET content = 'Cherry tomatoes ripen first' WHERE id = 'a1'").run();
        expect(messageHits(db, "cherry")).toEqual([]);
        db.prepare("UPDATE messages SET status = 'done' WHERE id = 'a1'").run();
        expect(messageHits(db, "cherry")).toEqual(["a1"]);
        expect(messageHits(db, "tomatoes")).toEqual(["a1", "q1"]);

        db.prepare("UPDATE messages SET content = 'Plums ripen first' WHERE id = 'a1'").run();
        expect(messageHits(db, "cherry")).toEqual([]);
        db.prepare("DELETE FROM messages WHERE id = 'q1'").run();
        expect(messageHits(db, "tomatoes")).toEqual([]);

        db.prepare("UPDATE chats SET title = 'Orchard' WHERE id = 'c'").run();
        expect(titleHits(db, "garden")).toBe(0);
        expect(titleHits(db, "orchard")).toBe(1);
        db.prepare("DELETE FROM chats WHERE id = 'c'").run();
        expect(titleHits(db, "orchard")).toBe(0);
        expect(messageHits(db, "plums")).toEqual([]);
        expect(db.prepare("SELECT COUNT(*) AS n FROM messages").get()).toEqual({ n: 0 });
    });

    it("refuses settings and figures that are not JSON", () => {
        const db = databaseBeforeChatBranches();
        migrate(db, migrations);
        db.prepare("INSERT INTO chats (id, title, created_at, updated_at) VALUES ('c', 'T', 1, 1)").run();
        expect(() => db.prepare("UPDATE chats SET sampling = 'temperature=2' WHERE id = 'c'").run()).toThrow(/CHECK/);
        expect(() => db.prepare("UPDATE chats SET document_ids = '[oops' WHERE id = 'c'").run()).toThrow(/CHECK/);
        insertMessage(db, "q1", "c", 1, "user", "Hi");
        expect(() => db.prepare("UPDATE messages SET details = '{' WHERE id = 'q1'").run()).toThrow(/CHECK/);
        db.prepare("UPDATE chats SET sampling = '{\"temperature\":0.2}', document_ids = '[\"d1\"]' WHERE id = 'c'").run();
    });
});
