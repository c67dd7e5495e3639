import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { embedHash } from "../../../src-main/ingest/chunk/embedHash.js";
import { migrate } from "../../../src-main/store/migrate.js";
import { migrations } from "../../../src-main/store/migrations/index.js";
import { hashedEmbedding } from "../retrieval/support/hashedEmbedding.js";
import { chunksOf, countRows, openLibrary, removeTempDatabases } from "../retrieval/support/libraryFixture.js";

afterEach(removeTempDatabases);

const model = { id: "test-embedder", dimension: 64 };
const source = (name: string, collectionId?: string | null) => ({
    sourcePath: `/docs/${name}`, displayName: name, sizeBytes: 100, mtimeMs: 1, ...(collectionId === undefined ? {} : { collectionId })
});

describe("migration 11: collections, embedding reuse and resumable indexing", () => {
    it("keeps documents and chunks from before it, in no collection and without an input hash", () => {
        const db = new BetterSqlite3(":memory:");
        migrate(db, migrations.filter((m) => m.version < 11));
        db.prepare(`INSERT INTO documents (id, source_path, display_name, size_bytes, mtime_ms, status, created_at, updated_at)
            VALUES ('old', '/docs/old.txt', 'old.txt', 1, 1, 'indexed', 1, 1)`).run();
        migrate(db, migrations);
        expect(db.prepare("SELECT collection_id FROM documents WHERE id = 'old'").get()).toEqual({ collection_id: null });
        expect(db.prepare("SELECT COUNT(*) AS n FROM pending_vectors").get()).toEqual({ n: 0 });
    });

    it("refuses an empty or duplicate collection name (case-insensitively) and a pending hash that is not 16 bytes", () => {
        const db = new BetterSqlite3(":memory:");
        migrate(db, migrations);
        const insert = db.prepare("INSERT INTO collections (id, name, created_at) VALUES (?, ?, 1)");
        insert.run("a", "Work");
        expect(() => insert.run("b", "work")).toThrow(/UNIQUE/);
        expect(() => insert.run("c", "   ")).toThrow(/CHECK/);
        db.prepare(`INSERT INTO documents (id, source_path, display_name, size_bytes, mtime_ms, status, created_at, updated_at)
            VALUES ('d', '/d', 'd', 1, 1, 'queued', 1, 1)`).run();
        expect(() => db.prepare("INSERT INTO pending_vectors VALUES ('d', ?, ?)").run(Buffer.alloc(8), Buffer.alloc(4))).toThrow(/CHECK/);
    });
});

describe("LibraryStore at scale", () => {
    it("deleting a collection leaves its documents in the library, in no collection; a folder's files join its collection", () => {
        const { store } = openLibrary();
        const work = store.createCollection(" Work ");
        expect(work.name).toBe("Work");
        expect(() => store.createCollection("work")).toThrow(/already a collection named "work"/);
        const memo = store.queueDocument(source("memo.txt", work.id));
        expect(store.listCollections()).toEqual([expect.objectContaining({ id: work.id, documentCount: 1 })]);
        // Re-queued without a collection: it keeps the one it had.
        expect(store.queueDocument(source("memo.txt")).collectionId).toBe(work.id);
        store.setFolderCollection("/docs/work", work.id);
        expect(store.collectionForPath("/docs/work/deep/a.txt")).toBe(work.id);
        expect(store.collectionForPath("/docs/workshop/a.txt")).toBeUndefined();
        expect(store.deleteCollection(work.id)).toBe(true);
        expect(store.getDocument(memo.id)).toMatchObject({ collectionId: null });
        expect(store.collectionForPath("/docs/work/deep/a.txt")).toBeUndefined();
    });

    it("keyword and vector searches limited to some documents find only their chunks; an empty scope finds nothing", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel(model);
        const texts = ["Zebra crossing rules apply.", "Zebra stripes are black."];
        const [a, b] = texts.map((text, i) => {
            const document = store.queueDocument(source(`${i}.txt`));
            store.replaceDocumentChunks(document.id, chunksOf([text]), [hashedEmbedding(text)]);
            return document.id;
        });
        expect(store.keywordSearch("\"zebra\"", 5)).toHaveLength(2);
        const onlyB = store.keywordSearch("\"zebra\"", 5, { documentIds: [b!] });
        expect(store.chunksByIds(onlyB.map((hit) => hit.chunkId)).map((chunk) => chunk.documentId)).toEqual([b]);
        const nearest = store.vectorSearch(hashedEmbedding(texts[0]!), 5, { documentIds: [b!] });
        expect(nearest.map((hit) => store.chunksByIds([hit.chunkId])[0]!.documentId)).toEqual([b]);
        expect(store.vectorSearch(hashedEmbedding(texts[0]!), 5, { documentIds: [a!, b!] })[0]!.similarity).toBeCloseTo(1, 5);
        expect(store.keywordSearch("\"zebra\"", 5, { documentIds: [] })).toEqual([]);
        expect(store.vectorSearch(hashedEmbedding(texts[0]!), 5, { documentIds: [] })).toEqual([]);
    });

    it("finds a vector by input hash among pending vectors and indexed chunks, and drops pending ones once the document is indexed", () => {
        const { store, db } = openLibrary();
        store.setEmbeddingModel(model);
        const document = store.queueDocument(source("big.txt"));
        const pendingHash = embedHash("pending input");
        store.savePendingVectors(document.id, [{ hash: pendingHash, vector: hashedEmbedding("pending input") }]);
        expect(store.pendingVectorCount(document.id)).toBe(1);
        expect(store.knownVectors([pendingHash]).size).toBe(1);
        // Not searchable while pending.
        expect(store.vectorSearch(hashedEmbedding("pending input"), 5)).toEqual([]);

        const chunks = chunksOf(["indexed input"]).map((chunk) => ({ ...chunk, embedHash: embedHash("indexed input") }));
        store.replaceDocumentChunks(document.id, chunks, [hashedEmbedding("indexed input")]);
        expect(store.pendingVectorCount(document.id)).toBe(0);
        const known = store.knownVectors([embedHash("indexed input"), embedHash("never seen")]);
        expect([...known.keys()]).toEqual([Buffer.from(embedHash("indexed input")).toString("hex")]);
        const [vector] = known.values();
        expect(store.vectorSearch(vector!, 1)[0]!.similarity).toBeCloseTo(1, 5);
        expect(countRows(db, "pending_vectors")).toBe(0);
    });

    it("a new embedding model forgets pending vectors, which the old model made", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel(model);
        const document = store.queueDocument(source("big.txt"));
        store.savePendingVectors(document.id, [{ hash: embedHash("x"), vector: hashedEmbedding("x") }]);
        store.setEmbeddingModel({ id: "other", dimension: 64 });
        expect(store.pendingVectorCount(document.id)).toBe(0);
        expect(store.knownVectors([embedHash("x")]).size).toBe(0);
    });
});
