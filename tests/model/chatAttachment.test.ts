import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeChatDataDirs, startChatServices, type ChatHarness } from "../support/chat/startChatServices.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

const open: ChatHarness[] = [];
afterEach(async () => {
    for (const harness of open.splice(0)) await harness.dispose();
    removeChatDataDirs();
});

describe("a document attached to a chat", () => {
    it("is indexed into the library and limits the chat's library questions to it until cleared", async () => {
        const h = await startChatServices({ maxAnswerTokens: 64 });
        open.push(h);
        const docs = path.join(h.dataDir, "docs");
        fs.mkdirSync(docs);
        // Both hold the fact the scripted answer cites; only the attached one may be the source while it is attached.
        fs.writeFileSync(path.join(docs, "library-notes.md"), "# Notes\n\nIn winter the harbour turns a deep teal, never grey.\n");
        await h.loadModel("scripted-cite");
        const embedder = await h.call("models.addFromPath", { path: await ensureSyntheticModel("tiny-embed") });
        await h.call("settings.update", { embeddingModelId: embedder.id });
        await h.call("library.addPaths", { paths: [docs] });
        await expect.poll(() => h.services.library.documents().map((d) => d.status), { timeout: 120_000 }).toEqual(["indexed"]);

        const { id: chatId } = await h.call("chats.create", {});
        const bytes = Buffer.from("# Harbour guide\n\nIn winter the harbour turns a deep teal, never grey, say the pilots.\n");
        const { uploadId } = await h.call("attachments.begin", { chatId, fileName: "harbour guide.md", sizeBytes: bytes.length });
        await h.call("attachments.chunk", { uploadId, offset: 0, data: bytes.subarray(0, 20).toString("base64") });
        await h.call("attachments.chunk", { uploadId, offset: 20, data: bytes.subarray(20).toString("base64") });
        const attached = await h.call("attachments.finish", { uploadId });
        expect(attached.documentIds).toHaveLength(1);
        const guide = h.services.library.store.getDocument(attached.documentIds[0]!)!;
        expect(guide.displayName).toBe("harbour guide.md");
        await expect.poll(() => h.services.library.store.getDocument(guide.id)?.status, { timeout: 120_000 }).toBe("indexed");

        const ask = async () => {
            const done = h.nextDone();
            await h.call("chats.send", { chatId, text: "What colour is the harbour in winter?", mode: "library" });
            await done;
            return (await h.call("chats.get", { chatId })).messages.at(-1)!;
        };
        const limited = await ask();
        expect(limited.citations?.length).toBeGreaterThan(0);
        expect(new Set(limited.citations!.map((c) => c.documentName))).toEqual(new Set(["harbour guide.md"]));
        expect(limited.figures!.sources).toBeLessThanOrEqual(h.services.library.store.getDocument(guide.id)!.chunkCount);

        const cleared = await h.call("chats.configure", { chatId, documentIds: [] });
        expect(cleared.documentIds).toEqual([]);
        expect(h.services.library.store.getDocument(guide.id)).toBeDefined();

        // Cleared, the composer's collections limit the question instead (the whole library would cite
        // library-notes.md first); regenerate keeps that limit.
        const collection = await h.call("collections.create", { name: "Guides" });
        await h.call("library.setCollection", { documentId: guide.id, collectionId: collection.id });
        const inCollection = async (start: () => Promise<unknown>) => {
            const done = h.nextDone();
            await start();
            await done;
            const answer = (await h.call("chats.get", { chatId })).messages.at(-1)!;
            return new Set(answer.citations!.map((c) => c.documentName));
        };
        expect(await inCollection(() => h.call("chats.send", {
            chatId, text: "What colour is the harbour in winter?", mode: "library", collectionIds: [collection.id]
        }))).toEqual(new Set(["harbour guide.md"]));
        const last = (await h.call("chats.get", { chatId })).messages.at(-1)!;
        expect(await inCollection(() => h.call("chats.regenerate", { chatId, messageId: last.id, mode: "library", collectionIds: [collection.id] })))
            .toEqual(new Set(["harbour guide.md"]));
        // Without a limit the same question cites the library's own notes: the limits above did the choosing.
        expect(await inCollection(() => h.call("chats.regenerate", { chatId, messageId: last.id, mode: "library" })))
            .toContain("library-notes.md");
        expect(await h.attempt("chats.configure", { chatId, documentIds: ["not-a-document"] }))
            .toMatchObject({ ok: false, error: { kind: "not-found" } });
    });

    it("refuses a file Locus cannot read at once, and nothing changes", async () => {
        const h = await startChatServices();
        open.push(h);
        const { id: chatId } = await h.call("chats.create", {});
        expect(await h.attempt("attachments.begin", { chatId, fileName: "holiday.mp4", sizeBytes: 2048 }))
            .toMatchObject({ ok: false, error: { kind: "unsupported", message: expect.stringContaining("cannot read .mp4 files (holiday.mp4)") } });
        expect(await h.attempt("attachments.begin", { chatId, fileName: "../escape.md", sizeBytes: 10 }))
            .toMatchObject({ ok: false, error: { kind: "invalid-input" } });
        expect((await h.call("chats.get", { chatId })).documentIds).toEqual([]);
        expect(await h.call("library.list", {})).toEqual([]);
    });
});
