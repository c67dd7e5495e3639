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
        const first = repo.messages.add(chat.id, "user", "first", "done", null);
        const answer = repo.messages.add(chat.id, "assistant", "answer", "done", first.id);
        repo.messages.add(chat.id, "user", "second", "done", answer.id);
        db.close();

        const reopened = new ChatRepository(openDatabase(file));
        expect(reopened.list().map((c) => c.title)).toEqual(["Notes"]);
        expect(reopened.messages.all(chat.id).map((m) => [m.role, m.content])).toEqual([
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
        repo.messages.add(a.id, "user", "bump a", "done", null);
        expect(repo.list()[0]!.id).toBe(a.id);
        expect(repo.rename(b.id, "Renamed")).toBe(true);
        expect(repo.get(b.id)!.title).toBe("Renamed");
        expect(repo.delete(a.id)).toBe(true);
        expect(repo.messages.all(a.id)).toEqual([]);
        expect(db.prepare("SELECT COUNT(*) AS n FROM messages").get()).toEqual({ n: 0 });
        expect(repo.delete(a.id)).toBe(false);
    });

    it("marks answers left streaming by a crash as interrupted, keeping their text", () => {
        const file = tempDbFile();
        const repo = new ChatRepository(openDatabase(file));
        const chat = repo.create("Crash");
        const answer = repo.messages.add(chat.id, "assistant", "", "streaming", null);
        repo.messages.progress(answer.id, "partial text", "thinking so far");

        const afterCrash = new ChatRepository(openDatabase(file));
        expect(afterCrash.messages.markInterrupted()).toBe(1);
        expect(afterCrash.messages.all(chat.id)[0]).toMatchObject({
            content: "partial text", status: "interrupted", thinking: { text: "thinking so far", seconds: null }
        });
    });

    it("stores an answer's end in one write: text, thinking with its time, figures, citations and a notice", () => {
        const repo = new ChatRepository(openDatabase(tempDbFile()));
        const chat = repo.create("Figures");
        const question = repo.messages.add(chat.id, "user", "Why?", "done", null);
        const answer = repo.messages.add(chat.id, "assistant", "", "streaming", question.id);
        const figures = { firstTokenMs: 120, tokens: 42, tokensPerSecond: 18.5, mode: "chat" as const };
        repo.messages.finish(answer.id, {
            content: "Because.", status: "done", thinking: { text: "Let me see.", seconds: 1.5 }, figures, notice: "Older messages were left out."
        });
        expect(repo.messages.get(answer.id)).toMatchObject({
            content: "Because.", status: "done", parentId: question.id, thinking: { text: "Let me see.", seconds: 1.5 }, figures,
            notice: "Older messages were left out."
        });
        expect(repo.messages.get(answer.id)).not.toHaveProperty("citations");
    });

    it("keeps a chat's own system prompt, sampling and documents, and null brings the default back", () => {
        const repo = new ChatRepository(openDatabase(tempDbFile()));
        const chat = repo.create("Settings");
        expect(repo.settings(chat.id)).toEqual({ systemPrompt: null, sampling: null, documentIds: [] });
        repo.configure(chat.id, { systemPrompt: "Be brief.", sampling: { temperature: 0.2, seed: 7 }, documentIds: ["d1", "d2", "d1"] });
        expect(repo.settings(chat.id)).toEqual({ systemPrompt: "Be brief.", sampling: { temperature: 0.2, seed: 7 }, documentIds: ["d1", "d2"] });
        repo.configure(chat.id, { sampling: null });
        expect(repo.settings(chat.id)).toEqual({ systemPrompt: "Be brief.", sampling: null, documentIds: ["d1", "d2"] });
        repo.configure(chat.id, { systemPrompt: null, documentIds: [] });
        expect(repo.settings(chat.id)).toEqual({ systemPrompt: null, sampling: null, documentIds: [] });
    });

    it("finds chats by title and by finished messages, the best message first, and not by answers still streaming", () => {
        const repo = new ChatRepository(openDatabase(tempDbFile()));
        const trip = repo.create("Harbour trip");
        const garden = repo.create("Garden");
        const q = repo.messages.add(garden.id, "user", "When do the tomatoes in the harbour garden ripen?", "done", null);
        const streaming = repo.messages.add(garden.id, "assistant", "", "streaming", q.id);
        repo.messages.progress(streaming.id, "Plums ripen first", null);
        expect(repo.search.search('"harbour"', 10)).toEqual([
            { chatId: trip.id, titleMatched: true, messageId: null, content: null },
            { chatId: garden.id, titleMatched: false, messageId: q.id, content: "When do the tomatoes in the harbour garden ripen?" }
        ]);
        expect(repo.search.search('"plums"', 10)).toEqual([]);
        repo.messages.finish(streaming.id, { content: "Plums ripen first", status: "done" });
        expect(repo.search.search('"plums"', 10).map((hit) => hit.messageId)).toEqual([streaming.id]);
        repo.delete(garden.id);
        expect(repo.search.search('"plums"', 10)).toEqual([]);
    });

    it("chooses versions and deletes a pair, moving what followed it up, in one transaction", () => {
        const repo = new ChatRepository(openDatabase(tempDbFile()));
        const chat = repo.create("Tree");
        const q1 = repo.messages.add(chat.id, "user", "one", "done", null);
        const a1 = repo.messages.add(chat.id, "assistant", "uno", "done", q1.id);
        const q2 = repo.messages.add(chat.id, "user", "two", "done", a1.id);
        const a1b = repo.messages.add(chat.id, "assistant", "un", "done", q1.id);
        repo.messages.choose(a1.id);
        expect(repo.messages.get(a1.id)!.chosenAt).toBeGreaterThan(a1b.chosenAt);
        repo.messages.removeAndReattach([q1.id, a1.id, a1b.id], [q2.id], null, q2.id);
        expect(repo.messages.all(chat.id).map((m) => [m.id, m.parentId])).toEqual([[q2.id, null]]);
    });
});
