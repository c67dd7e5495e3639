import { afterEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../../src-main/common/errors.js";
import { EmbeddingModelMismatchError } from "../../../src-main/store/library/EmbeddingModelMismatchError.js";
import { InvalidEmbeddingDimensionError } from "../../../src-main/store/library/InvalidEmbeddingDimensionError.js";
import type { LibraryStore } from "../../../src-main/store/library/LibraryStore.js";
import { hashedEmbedding } from "./support/hashedEmbedding.js";
import { chunksOf, countRows, openLibrary, removeTempDatabases } from "./support/libraryFixture.js";

afterEach(removeTempDatabases);

const model = { id: "test-embedder", dimension: 64 };
const source = (name: string) => ({ sourcePath: `/docs/${name}`, displayName: name, sizeBytes: 100, mtimeMs: 1, format: "text" });

function indexDocument(store: LibraryStore, name: string, texts: string[]) {
    const document = store.queueDocument(source(name));
    return store.replaceDocumentChunks(document.id, chunksOf(texts), texts.map((text) => hashedEmbedding(text)), { pageCount: 1 });
}

describe("LibraryStore", () => {
    it("indexes a document's chunks, full-text rows and vectors together and marks it indexed", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel(model);
        const document = indexDocument(store, "fees.txt", ["Late fees are ten euros.", "Refunds take five days."]);
        expect(document).toMatchObject({ status: "indexed", chunkCount: 2, embeddingModelId: "test-embedder", pageCount: 1 });
        expect(store.documentChunks(document.id).map((chunk) => [chunk.ordinal, chunk.text, chunk.documentName])).toEqual([
            [0, "Late fees are ten euros.", "fees.txt"], [1, "Refunds take five days.", "fees.txt"]
        ]);
        expect(store.keywordSearch("\"refunds\"", 5)).toHaveLength(1);
        const [nearest] = store.vectorSearch(hashedEmbedding("Refunds take five days."), 1);
        expect(nearest!.similarity).toBeCloseTo(1, 5);
    });

    it("writes nothing when one vector of a document is bad, leaving the previous index intact", () => {
        const { store, db } = openLibrary();
        store.setEmbeddingModel(model);
        const before = indexDocument(store, "a.txt", ["Original text here."]);
        const vectors = [hashedEmbedding("new one"), new Float32Array(64).fill(Number.NaN)];
        expect(() => store.replaceDocumentChunks(before.id, chunksOf(["New one.", "New two."]), vectors)).toThrow(/not finite/);
        expect(() => store.replaceDocumentChunks(before.id, chunksOf(["New one."]), [new Float32Array(32).fill(1)])).toThrow(EmbeddingModelMismatchError);
        expect(() => store.replaceDocumentChunks(before.id, chunksOf(["New one."]), [])).toThrow(/1 chunks but 0 vectors/);
        expect(store.documentChunks(before.id).map((chunk) => chunk.text)).toEqual(["Original text here."]);
        expect(store.getDocument(before.id)).toMatchObject({ status: "indexed", chunkCount: 1 });
        expect(countRows(db, "vec_chunks_64")).toBe(1);
    });

    it("rolls the whole document back when the transaction fails midway, e.g. the document vanished", () => {
        const { store, db } = openLibrary();
        store.setEmbeddingModel(model);
        expect(() => store.replaceDocumentChunks("missing", chunksOf(["x"]), [hashedEmbedding("x")])).toThrow(NotFoundError);
        expect(countRows(db, "chunks")).toBe(0);
        expect(countRows(db, "vec_chunks_64")).toBe(0);
    });

    it("replaces a document's old chunks, full-text rows and vectors on re-index", () => {
        const { store, db } = openLibrary();
        store.setEmbeddingModel(model);
        const first = indexDocument(store, "a.txt", ["Alpha zebra.", "Alpha okapi."]);
        const again = store.queueDocument({ ...source("a.txt"), mtimeMs: 2 });
        expect(again).toMatchObject({ id: first.id, status: "queued", mtimeMs: 2 });
        expect(store.keywordSearch("\"zebra\"", 5)).toHaveLength(1); // still searchable while re-indexing
        indexDocument(store, "a.txt", ["Beta giraffe."]);
        expect(store.keywordSearch("\"zebra\"", 5)).toEqual([]);
        expect(store.keywordSearch("\"giraffe\"", 5)).toHaveLength(1);
        expect(countRows(db, "vec_chunks_64")).toBe(1);
    });

    it("deletes a document with its chunks, full-text rows and vectors", () => {
        const { store, db } = openLibrary();
        store.setEmbeddingModel(model);
        const gone = indexDocument(store, "gone.txt", ["Zebra crossing rules.", "More zebra facts."]);
        indexDocument(store, "kept.txt", ["Okapi habitat."]);
        expect(store.deleteDocument(gone.id)).toBe(true);
        expect(store.deleteDocument(gone.id)).toBe(false);
        expect(store.keywordSearch("\"zebra\"", 5)).toEqual([]);
        expect(countRows(db, "chunks")).toBe(1);
        expect(countRows(db, "vec_chunks_64")).toBe(1);
        expect(store.vectorSearch(hashedEmbedding("Zebra crossing rules."), 5).map((hit) => store.chunksByIds([hit.chunkId])[0]!.documentName)).toEqual(["kept.txt"]);
        expect(() => db.prepare("INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    });

    it("never reuses a chunk id, so a saved citation cannot point at other text", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel(model);
        const a = indexDocument(store, "a.txt", ["One."]);
        const oldId = store.documentChunks(a.id)[0]!.id;
        store.deleteDocument(a.id);
        const b = indexDocument(store, "b.txt", ["Two."]);
        expect(store.documentChunks(b.id)[0]!.id).toBeGreaterThan(oldId);
        expect(store.chunksByIds([oldId])).toEqual([]);
    });

    it("marks a failed document with its reason and drops its stale chunks", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel(model);
        const document = indexDocument(store, "a.txt", ["Zebra."]);
        store.markFailed(document.id, "\"a.txt\" is encrypted. Remove the password and add it again.");
        expect(store.getDocument(document.id)).toMatchObject({ status: "failed", chunkCount: 0, statusReason: expect.stringMatching(/encrypted/) });
        expect(store.keywordSearch("\"zebra\"", 5)).toEqual([]);
        expect(() => store.markFailed("missing", "x")).toThrow(NotFoundError);
    });

    it("re-queues documents a crash left mid-ingest, and lists by status", () => {
        const { store, file, db } = openLibrary();
        const a = store.queueDocument(source("a.txt"));
        const b = store.queueDocument(source("b.txt"));
        store.setStatus(a.id, "parsing");
        store.setStatus(b.id, "embedding");
        db.close();
        const reopened = openLibrary(file).store;
        expect(reopened.requeueInterrupted()).toBe(2);
        expect(reopened.listDocuments(["queued"]).map((document) => document.displayName)).toEqual(["a.txt", "b.txt"]);
        expect(reopened.listDocuments(["indexed", "failed"])).toEqual([]);
    });

    it("keeps the embedding model's identity and vectors across a reopen", () => {
        const { store, file, db } = openLibrary();
        store.setEmbeddingModel(model);
        indexDocument(store, "a.txt", ["Zebra crossing."]);
        db.close();
        const reopened = openLibrary(file).store;
        expect(reopened.embeddingModel()).toEqual(model);
        expect(reopened.setEmbeddingModel(model)).toEqual({ reindex: false });
        expect(reopened.vectorSearch(hashedEmbedding("Zebra crossing."), 1)).toHaveLength(1);
    });

    it("drops all chunks and vectors and re-queues documents when the embedding model changes", () => {
        const { store, db } = openLibrary();
        expect(store.setEmbeddingModel(model)).toEqual({ reindex: false });
        const document = indexDocument(store, "a.txt", ["Zebra."]);
        const failed = store.queueDocument(source("bad.txt"));
        store.markFailed(failed.id, "broken");
        expect(store.setEmbeddingModel({ id: "bigger", dimension: 128 })).toEqual({ reindex: true });
        expect(store.getDocument(document.id)).toMatchObject({ status: "queued", chunkCount: 0, embeddingModelId: null });
        expect(store.getDocument(failed.id)!.status).toBe("failed");
        expect(countRows(db, "chunks")).toBe(0);
        expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'vec_chunks_64'").get()).toBeUndefined();
        expect(() => store.replaceDocumentChunks(document.id, chunksOf(["Zebra."]), [hashedEmbedding("Zebra.")])).toThrow(EmbeddingModelMismatchError);
        expect(() => store.replaceDocumentChunks(document.id, chunksOf(["Zebra."]), [hashedEmbedding("Zebra.", 128)], { embeddingModelId: "test-embedder" }))
            .toThrow(EmbeddingModelMismatchError);
        store.replaceDocumentChunks(document.id, chunksOf(["Zebra."]), [hashedEmbedding("Zebra.", 128)], { embeddingModelId: "bigger" });
        expect(store.vectorSearch(hashedEmbedding("Zebra.", 128), 1)).toHaveLength(1);
        expect(() => store.vectorSearch(hashedEmbedding("Zebra.", 64), 1)).toThrow(EmbeddingModelMismatchError);
    });

    it.each([0, 7, 8193, 384.5, Number.NaN, "384; DROP TABLE chunks" as unknown as number])(
        "refuses embedding dimension %j, which would become part of a table name",
        (dimension) => {
            const { store } = openLibrary();
            expect(() => store.setEmbeddingModel({ id: "m", dimension })).toThrow(InvalidEmbeddingDimensionError);
            expect(store.embeddingModel()).toBeUndefined();
        }
    );

    it("refuses to index before an embedding model is set, and finds no vectors without one", () => {
        const { store } = openLibrary();
        const document = store.queueDocument(source("a.txt"));
        expect(() => store.replaceDocumentChunks(document.id, chunksOf(["x"]), [hashedEmbedding("x")])).toThrow(EmbeddingModelMismatchError);
        expect(store.vectorSearch(hashedEmbedding("x"), 5)).toEqual([]);
    });

    it("finds the same neighbours with the 1-bit prefilter as exactly, on an easy corpus", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel(model);
        const texts = Array.from({ length: 40 }, (_, i) => `Topic ${i} about item${i} and thing${i % 7}.`);
        indexDocument(store, "many.txt", texts);
        const query = hashedEmbedding(texts[12]!);
        // Compared by similarity: chunks sharing the same words tie, and ties may come in either order.
        const similarities = (hits: Array<{ similarity: number }>) => hits.map((hit) => hit.similarity.toFixed(5));
        const exact = store.vectorSearch(query, 5);
        expect(similarities(store.vectorSearch(query, 5, { prefilterCandidates: 40 }))).toEqual(similarities(exact));
        expect(store.vectorSearch(query, 5, { prefilterCandidates: 10 })[0]!.chunkId).toBe(exact[0]!.chunkId);
    });
});
