import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../../../src-main/store/migrate.js";
import { migrations } from "../../../src-main/store/migrations/index.js";
import type { NewPart } from "../../../src-main/store/library/types.js";
import { hashedEmbedding } from "../retrieval/support/hashedEmbedding.js";
import { chunksOf, countRows, openLibrary, removeTempDatabases } from "../retrieval/support/libraryFixture.js";

afterEach(removeTempDatabases);

const model = { id: "test-embedder", dimension: 64 };
const mailbox = { sourcePath: "/mail/inbox.mbox", displayName: "inbox.mbox", sizeBytes: 500, mtimeMs: 1 };

function part(key: string, text: string, extra: Partial<NewPart> = {}): NewPart {
    const chunks = chunksOf([text]);
    return {
        key, title: `About ${key}`, sender: "Ada <ada@example.com>", sentAt: "2024-03-01 09:30 UTC", contentHash: `hash-of-${text}`,
        sizeBytes: text.length, chunks, vectors: chunks.map((chunk) => hashedEmbedding(chunk.text)), ...extra
    };
}

describe("migration 13: documents inside files", () => {
    it("keeps the documents from before it as files (no parent, key, sender or date), re-queues mailboxes, and allows one key per file", () => {
        const db = new BetterSqlite3(":memory:");
        migrate(db, migrations.filter((m) => m.version < 13));
        db.prepare(`INSERT INTO documents (id, source_path, display_name, format, size_bytes, mtime_ms, status, created_at, updated_at)
            VALUES ('old', '/mail/old.mbox', 'old.mbox', 'email', 1, 1, 'indexed', 1, 1), ('eml', '/mail/one.eml', 'one.eml', 'email', 1, 1, 'indexed', 1, 1)`).run();
        migrate(db, migrations);
        // The mailbox, indexed as one document before, is read again message by message; a single message stays as it is.
        expect(db.prepare("SELECT id, status FROM documents ORDER BY id").all()).toEqual([{ id: "eml", status: "indexed" }, { id: "old", status: "queued" }]);
        expect(db.prepare("SELECT parent_id, part_key, sender, sent_at FROM documents WHERE id = 'old'").get())
            .toEqual({ parent_id: null, part_key: null, sender: null, sent_at: null });
        const insert = db.prepare(`INSERT INTO documents (id, source_path, display_name, size_bytes, mtime_ms, status, created_at, updated_at, parent_id, part_key)
            VALUES (?, ?, 'm', 1, 1, 'indexed', 1, 1, 'old', ?)`);
        insert.run("m1", "/mail/old.mbox\u0000a", "a");
        expect(() => insert.run("m2", "/mail/old.mbox\u0000a2", "a")).toThrow(/UNIQUE/);
    });
});

describe("LibraryStore: the messages of a mailbox as documents", () => {
    it("lists each message after its mailbox with subject, sender and date; searches find a message's own chunks", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel(model);
        const file = store.queueDocument(mailbox);
        store.queueDocument({ sourcePath: "/mail/zebra.txt", displayName: "zebra.txt", sizeBytes: 1, mtimeMs: 1 });
        const saved = store.replaceDocumentParts(file.id, [part("<b@x>", "the boat sails at dawn", { sentAt: "2024-03-02 08:00 UTC" }), part("<a@x>", "lunch at noon")], {
            embeddingModelId: model.id, format: "email", title: "inbox", note: "1 message could not be read and was left out."
        });
        expect(saved).toEqual({ written: 2, kept: 0, removed: 0 });
        const listed = store.listDocuments();
        expect(listed.map((d) => [d.displayName, d.parentId === file.id])).toEqual([
            ["inbox.mbox", false], ["About <a@x>", true], ["About <b@x>", true], ["zebra.txt", false]
        ]);
        expect(listed[1]).toMatchObject({ status: "indexed", title: "About <a@x>", sender: "Ada <ada@example.com>", sentAt: "2024-03-01 09:30 UTC", chunkCount: 1, format: "email" });
        expect(store.getDocument(file.id)).toMatchObject({ status: "indexed", chunkCount: 2, statusReason: "1 message could not be read and was left out." });
        expect(store.documentChunks(file.id)).toEqual([]);
        expect(store.listFiles().map((d) => d.displayName)).toEqual(["inbox.mbox", "zebra.txt"]);
        const boat = listed[2]!;
        expect(store.documentChunks(boat.id).map((c) => c.text)).toEqual(["the boat sails at dawn"]);
        const hit = store.keywordSearch("boat", 5)[0]!;
        expect(store.chunksByIds([hit.chunkId])[0]).toMatchObject({ documentId: boat.id, documentName: "About <b@x>" });
    });

    it("a changed mailbox: unchanged messages keep their chunk ids, changed ones are rewritten, new ones added, vanished ones removed", () => {
        const { store, db } = openLibrary();
        store.setEmbeddingModel(model);
        const file = store.queueDocument(mailbox);
        store.replaceDocumentParts(file.id, [part("k1", "first message"), part("k2", "second message"), part("k3", "third message")], { embeddingModelId: model.id });
        const before = new Map(store.listParts(file.id).map((d) => [d.partKey, { id: d.id, chunks: store.documentChunks(d.id).map((c) => c.id) }]));
        store.queueDocument({ ...mailbox, sizeBytes: 600, mtimeMs: 2 });
        const saved = store.replaceDocumentParts(file.id, [part("k1", "first message"), part("k2", "second message, edited"), part("k4", "fourth message")], { embeddingModelId: model.id });
        expect(saved).toEqual({ written: 2, kept: 1, removed: 1 });
        const after = new Map(store.listParts(file.id).map((d) => [d.partKey, { id: d.id, chunks: store.documentChunks(d.id).map((c) => c.id) }]));
        expect([...after.keys()]).toEqual(["k1", "k2", "k4"]);
        // One file's count, as every file's counts give it; a file without parts has none.
        expect(store.partCount(file.id)).toBe(3);
        expect(store.partCounts().get(file.id)).toBe(3);
        expect(store.partCount(after.get("k1")!.id)).toBe(0);
        expect(after.get("k1")).toEqual(before.get("k1"));
        expect(after.get("k2")?.id).toBe(before.get("k2")?.id);
        expect(after.get("k2")?.chunks).not.toEqual(before.get("k2")?.chunks);
        expect(store.keywordSearch("third", 5)).toEqual([]);
        expect(countRows(db, "chunks")).toBe(3);
        expect(countRows(db, "vec_chunks_64")).toBe(3);
    });

    it("removing the mailbox removes its messages with their chunks, full-text rows and vectors; a failed mailbox keeps no messages", () => {
        const { store, db } = openLibrary();
        store.setEmbeddingModel(model);
        const file = store.queueDocument(mailbox);
        store.replaceDocumentParts(file.id, [part("k1", "alpha words"), part("k2", "beta words")], { embeddingModelId: model.id });
        expect(store.deleteDocument(file.id)).toBe(true);
        expect([countRows(db, "documents"), countRows(db, "chunks"), countRows(db, "chunks_fts"), countRows(db, "vec_chunks_64")]).toEqual([0, 0, 0, 0]);
        const again = store.queueDocument(mailbox);
        store.replaceDocumentParts(again.id, [part("k1", "alpha words")], { embeddingModelId: model.id });
        store.markFailed(again.id, "It broke.");
        expect(store.listDocuments().map((d) => d.displayName)).toEqual(["inbox.mbox"]);
        expect(countRows(db, "chunks")).toBe(0);
    });

    it("a mailbox in a search scope or a collection stands for its messages; moving a message moves the whole mailbox", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel(model);
        const file = store.queueDocument(mailbox);
        store.replaceDocumentParts(file.id, [part("k1", "gamma words"), part("k2", "delta words")], { embeddingModelId: model.id });
        const other = store.queueDocument({ sourcePath: "/docs/n.txt", displayName: "n.txt", sizeBytes: 1, mtimeMs: 1 });
        store.replaceDocumentChunks(other.id, chunksOf(["gamma elsewhere"]), [hashedEmbedding("gamma elsewhere")], { embeddingModelId: model.id });
        expect(store.keywordSearch("gamma", 5, { documentIds: [file.id] })).toHaveLength(1);
        expect(store.vectorSearch(hashedEmbedding("delta words"), 5, { documentIds: [file.id] })).toHaveLength(2);
        const work = store.createCollection("Work");
        const message = store.listParts(file.id)[1]!;
        store.setDocumentCollection(message.id, work.id);
        expect(store.listDocuments().filter((d) => d.collectionId === work.id).map((d) => d.displayName)).toEqual(["inbox.mbox", "About k1", "About k2"]);
        expect(store.documentIdsInCollections([work.id])).toHaveLength(3);
        // The collection counts files, as the library lists them: the mailbox once.
        expect(store.listCollections()).toEqual([expect.objectContaining({ id: work.id, documentCount: 1 })]);
        // Re-queued into no collection (a folder left its collection): the messages follow.
        store.queueDocument({ ...mailbox, collectionId: null });
        expect(store.listDocuments().filter((d) => d.collectionId === work.id)).toEqual([]);
    });

    it("a new embedding model re-queues the mailbox only (never a message), and the next save rewrites every message", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel(model);
        const file = store.queueDocument(mailbox);
        store.replaceDocumentParts(file.id, [part("k1", "one"), part("k2", "two")], { embeddingModelId: model.id });
        store.setEmbeddingModel({ id: "other", dimension: 64 });
        expect(store.listFiles(["queued"]).map((d) => d.id)).toEqual([file.id]);
        expect(store.listParts(file.id).map((d) => d.status)).toEqual(["queued", "queued"]);
        expect(store.replaceDocumentParts(file.id, [part("k1", "one"), part("k2", "two")], { embeddingModelId: "other" })).toEqual({ written: 2, kept: 0, removed: 0 });
    });
});
