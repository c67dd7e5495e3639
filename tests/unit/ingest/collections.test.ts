import type { Database } from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../../src-main/common/errors.js";
import { IngestService } from "../../../src-main/ingest/IngestService.js";
import { resolveScope } from "../../../src-main/library/resolveScope.js";
import { HybridRetriever } from "../../../src-main/retrieval/HybridRetriever.js";
import { LibraryStore } from "../../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";
import { hashedEmbedding } from "../retrieval/support/hashedEmbedding.js";
import { makeTempDir } from "../parse/support/tempDir.js";
import { FakeEmbedder, FakeParser, writeFiles } from "./support/fakes.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let db: Database;
let store: LibraryStore;
let service: IngestService;

beforeEach(async () => {
    dir = await makeTempDir("collections");
    db = openDatabase(":memory:");
    store = new LibraryStore(db);
    FakeParser.reset();
    service = new IngestService({ store, threads: 1, embedder: async () => new FakeEmbedder(), createParser: () => new FakeParser() });
});
afterEach(async () => {
    await service.dispose();
    db.close();
    await dir.remove();
});

const names = (chunks: ReadonlyArray<{ documentName: string }>) => [...new Set(chunks.map((chunk) => chunk.documentName))].sort();

describe("collections", () => {
    it("a question limited to chosen collections finds passages only in their documents", async () => {
        await writeFiles(dir.path, {
            "work/budget.txt": "The travel budget for the project is approved.",
            "private/diary.txt": "The travel budget for our holiday is small.",
            "loose.txt": "Travel budget notes without a collection."
        });
        const work = store.createCollection("Work");
        const home = store.createCollection("Private");
        await service.add([dir.file("work")], { collectionId: work.id });
        await service.add([dir.file("private")], { collectionId: home.id });
        await service.add([dir.file("loose.txt")]);
        await service.idle();

        const retriever = new HybridRetriever(store, { embedQuery: async (query) => hashedEmbedding(query, 16) });
        expect(names(await retriever.retrieve("travel budget"))).toEqual(["budget.txt", "diary.txt", "loose.txt"]);
        const onlyWork = resolveScope(store, { collectionIds: [work.id] });
        expect(names(await retriever.retrieve("travel budget", onlyWork))).toEqual(["budget.txt"]);
        const both = new HybridRetriever(store, { embedQuery: async (query) => hashedEmbedding(query, 16), scope: resolveScope(store, { collectionIds: [work.id, home.id] }) });
        expect(names(await both.retrieve("travel budget"))).toEqual(["budget.txt", "diary.txt"]);
        // The same filter serves documents chosen one by one (e.g. attached to a chat).
        const diary = store.listDocuments().find((document) => document.displayName === "diary.txt")!;
        expect(names(await retriever.retrieve("travel budget", resolveScope(store, { documentIds: [diary.id] })))).toEqual(["diary.txt"]);
        expect(store.listCollections().map((collection) => [collection.name, collection.documentCount])).toEqual([["Private", 1], ["Work", 1]]);
    });

    it("a file found later in a collection's folder joins that collection; a file belongs to one collection", async () => {
        await writeFiles(dir.path, { "work/a.txt": "Alpha memo." });
        const work = store.createCollection("Work");
        const other = store.createCollection("Other");
        await service.add([dir.file("work")], { collectionId: work.id });
        await writeFiles(dir.path, { "work/new/b.txt": "Beta memo." });
        // As the folder watcher does: the new file alone, with no collection named.
        await service.add([dir.file("work/new/b.txt")]);
        await service.idle();
        const byName = Object.fromEntries(store.listDocuments().map((document) => [document.displayName, document]));
        expect(byName["b.txt"]!.collectionId).toBe(work.id);
        // Moved: it leaves Work for Other, unchanged files are not indexed again.
        await service.add([dir.file("work/a.txt")], { collectionId: other.id });
        expect(store.getDocument(byName["a.txt"]!.id)!.collectionId).toBe(other.id);
        expect(store.documentIdsInCollections([work.id])).toEqual([byName["b.txt"]!.id]);
    });

    it("a deleted collection in a question is refused with what to do, not searched as the whole library", () => {
        const gone = store.createCollection("Gone");
        store.deleteCollection(gone.id);
        expect(() => resolveScope(store, { collectionIds: [gone.id] })).toThrow(NotFoundError);
        expect(resolveScope(store, {})).toEqual({});
    });
});
