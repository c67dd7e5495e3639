import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ChatRepository } from "../../../src-main/store/ChatRepository.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";

const dirs: string[] = [];
function tempDbFile(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-store-"));
    dirs.push(dir);
    return path.join(dir, "locus.sqlite");
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("ChatRepository", () => {
    it("keeps chats and messages in order across a reopen of the database file", () => {
        const file = tempDbFile();
        const db = openDatabase(file);
        const repo = new ChatRepository(db);
        const chat = repo.create("Notes");
        repo.addMessage(chat.id, "user", "first", "done");
        repo.addMessage(chat.id, "assistant", "answer", "done");
        repo.addMessage(chat.id, "user", "second", "done");
        db.close();

        const reopened = new ChatRepository(openDatabase(file));
        expect(reopened.list().map((c) => c.title)).toEqual(["Notes"]);
        expect(reopened.messages(chat.id).map((m) => [m.role, m.content])).toEqual([
            ["user", "first"], ["assistant", "answer"], ["user", "second"]
        ]);
    });

    it("uses WAL so readers never block the writer", () => {
        const db = openDatabase(tempDbFile());
        expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    });

    it("renames, lists newest first and deletes a chat with its messages", () => {
        const db = openDatabase(tempDbFile());
        const repo = new ChatRepository(db);
        const a = repo.create("A");
        const b = repo.create("B");
        repo.addMessage(a.id, "user", "bump a", "done");
        expect(repo.list()[0]!.id).toBe(a.id);
        expect(repo.rename(b.id, "Renamed")).toBe(true);
        expect(repo.get(b.id)!.title).toBe("Renamed");
        expect(repo.delete(a.id)).toBe(true);
        expect(repo.messages(a.id)).toEqual([]);
        expect(db.prepare("SELECT COUNT(*) AS n FROM messages").get()).toEqual({ n: 0 });
        expect(repo.delete(a.id)).toBe(false);
    });

    it("marks answers left streaming by a crash as interrupted, keeping their text", () => {
        const file = tempDbFile();
        const repo = new ChatRepository(openDatabase(file));
        const chat = repo.create("Crash");
        const answer = repo.addMessage(chat.id, "assistant", "", "streaming");
        repo.updateMessage(answer.id, "partial text", "streaming");

        const afterCrash = new ChatRepository(openDatabase(file));
        expect(afterCrash.markInterrupted()).toBe(1);
        expect(afterCrash.messages(chat.id)[0]).toMatchObject({ content: "partial text", status: "interrupted" });
    });
});
