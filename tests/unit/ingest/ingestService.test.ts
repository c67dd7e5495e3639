import fs from "node:fs/promises";
import type { Database } from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IngestService } from "../../../src-main/ingest/IngestService.js";
import { noEmbeddingModelReason } from "../../../src-main/ingest/IngestLoop.js";
import { cancelledReason } from "../../../src-main/ingest/failureReason.js";
import type { IngestEmbedder } from "../../../src-main/ingest/types.js";
import { LibraryStore } from "../../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";
import { makeTempDir } from "../parse/support/tempDir.js";
import { FakeEmbedder, FakeParser, paragraph, writeFiles } from "./support/fakes.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let db: Database;
let store: LibraryStore;
const services: IngestService[] = [];

beforeEach(async () => {
    dir = await makeTempDir("ingest");
    db = openDatabase(":memory:");
    store = new LibraryStore(db);
    FakeParser.reset();
});
afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.dispose()));
    db.close();
    await dir.remove();
});

function ingest(provide: () => IngestEmbedder | null, options: { notifyIntervalMs?: number; readPicturesInFolders?: () => boolean } = {}): IngestService {
    const service = new IngestService({
        store, threads: 1, embedder: async () => provide(), createParser: () => new FakeParser(), embedBatchSize: 4, ...options
    });
    services.push(service);
    return service;
}

const byName = () => Object.fromEntries(store.listDocuments().map((document) => [document.displayName, document]));
const chunkRows = (): number => (db.prepare("SELECT COUNT(*) AS n FROM chunks").get() as { n: number }).n;

describe("the ingest queue", () => {
    it("queues the pictures of an added folder only while 'Read text in pictures found in folders' is on", async () => {
        await writeFiles(dir.path, { "a.md": paragraph("alpha", 10), "scans/receipt.png": "png", "photo.JPG": "jpg" });
        let pictures = false;
        const service = ingest(() => null, { readPicturesInFolders: () => pictures });
        const off = await service.add([dir.path]);
        expect(off.queued.map((document) => document.displayName)).toEqual(["a.md"]);
        expect(off.skippedUnsupported).toBe(2);
        pictures = true;
        expect(service.picturesInFolders()).toBe(true);
        const on = await service.add([dir.path]);
        expect(on.queued.map((document) => document.displayName).sort()).toEqual(["a.md", "photo.JPG", "receipt.png"]);
    });

    it("indexes every file of a folder; a file the parser refuses fails with its reason and the rest go on", async () => {
        await writeFiles(dir.path, {
            "a.md": `${paragraph("alpha", 30)}\n\n${paragraph("beta", 30)}`, "notes/b.txt": paragraph("gamma", 100),
            "bad.xyz": "not a document", "photo.png": "png"
        });
        const service = ingest(() => new FakeEmbedder());
        const added = await service.add([dir.path, dir.file("bad.xyz")]);
        expect(added.queued.map((document) => document.displayName).sort()).toEqual(["a.md", "b.txt", "bad.xyz"]);
        expect(added.skippedUnsupported).toBe(2); // bad.xyz and photo.png inside the folder
        await service.idle();

        const documents = byName();
        expect(documents["a.md"]).toMatchObject({ status: "indexed", statusReason: null, embeddingModelId: "fake-embed.gguf#1000" });
        expect(documents["b.txt"]!.status).toBe("indexed");
        expect(documents["b.txt"]!.chunkCount).toBeGreaterThan(1);
        expect(documents["bad.xyz"]).toMatchObject({ status: "failed", statusReason: expect.stringMatching(/"bad.xyz" is a binary file, which Locus cannot read/) });
        expect(documents["a.md"]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
        expect(chunkRows()).toBe(documents["a.md"]!.chunkCount + documents["b.txt"]!.chunkCount);
        expect(service.progress()).toMatchObject({ running: false, filesDone: 3, filesTotal: 3, filesFailed: 1, current: null, blockedReason: null });
    });

    it("does nothing for files re-added unchanged, and re-indexes only the one that was edited", async () => {
        await writeFiles(dir.path, { "a.md": paragraph("alpha", 40), "b.md": paragraph("beta", 40) });
        const embedder = new FakeEmbedder();
        const service = ingest(() => embedder);
        await service.add([dir.path]);
        await service.idle();
        const before = { embedded: embedder.embedded, chunks: chunkRows(), parsed: FakeParser.parsed.length };

        const again = await service.add([dir.path]);
        await service.idle();
        expect(again.queued).toEqual([]);
        expect(again.unchanged.map((document) => document.displayName).sort()).toEqual(["a.md", "b.md"]);
        expect({ embedded: embedder.embedded, chunks: chunkRows(), parsed: FakeParser.parsed.length }).toEqual(before);

        await fs.writeFile(dir.file("b.md"), paragraph("delta", 60));
        const edited = await service.add([dir.path]);
        await service.idle();
        expect(edited.queued.map((document) => document.displayName)).toEqual(["b.md"]);
        expect(FakeParser.parsed.slice(before.parsed)).toEqual(["b.md"]);
        expect(store.documentChunks(byName()["b.md"]!.id).map((chunk) => chunk.text).join(" ")).toContain("delta0");
    });

    it("waits with a readable reason while no embedding model is chosen, then indexes once resumed", async () => {
        await writeFiles(dir.path, { "a.md": paragraph("alpha", 10) });
        let embedder: FakeEmbedder | null = null;
        const service = ingest(() => embedder);
        await service.add([dir.file("a.md")]);
        await service.idle();
        expect(byName()["a.md"]!.status).toBe("queued");
        expect(service.progress()).toMatchObject({ running: false, blockedReason: noEmbeddingModelReason, filesTotal: 1, filesDone: 0 });

        embedder = new FakeEmbedder();
        service.resume();
        await service.idle();
        expect(byName()["a.md"]!.status).toBe("indexed");
        expect(service.progress().blockedReason).toBeNull();
    });

    it("re-embeds the whole library when the embedding model changes", async () => {
        await writeFiles(dir.path, { "a.md": paragraph("alpha", 10), "b.md": paragraph("beta", 10) });
        let embedder = new FakeEmbedder();
        const service = ingest(() => embedder);
        await service.add([dir.path]);
        await service.idle();
        embedder = new FakeEmbedder({ fileName: "other.gguf", architecture: "bert", dimension: 24, sizeBytes: 5 });
        service.resume();
        await service.idle();
        expect(Object.values(byName()).map((document) => [document.status, document.embeddingModelId])).toEqual([
            ["indexed", "other.gguf#5"], ["indexed", "other.gguf#5"]
        ]);
        expect(embedder.embedded).toBe(chunkRows());
        expect(store.embeddingModel()).toEqual({ id: "other.gguf#5", dimension: 24 });
    });

    it("cancels promptly, between embedding batches, and marks every document not yet indexed as cancelled", async () => {
        const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`doc${i}.md`, paragraph(`w${i}x`, 200)]));
        await writeFiles(dir.path, files);
        const service = ingest(() => new FakeEmbedder(undefined, 15));
        await service.add([dir.path]);
        await waitFor(() => byName()["doc0.md"]?.status === "indexed");
        const started = performance.now();
        const progress = await service.cancel();
        expect(performance.now() - started).toBeLessThan(1_000);

        const statuses = Object.values(byName()).map((document) => document.status);
        expect(statuses.filter((status) => status === "indexed").length).toBeGreaterThanOrEqual(1);
        for (const document of Object.values(byName()).filter((document) => document.status !== "indexed")) {
            expect(document).toMatchObject({ status: "failed", statusReason: cancelledReason, chunkCount: 0 });
            expect(store.documentChunks(document.id)).toEqual([]);
        }
        expect(progress).toMatchObject({ running: false, filesTotal: 6, filesDone: 6 });
        expect(progress.filesFailed).toBe(statuses.filter((status) => status === "failed").length);
    });

    it("cancels a parse in flight by stopping the parser process", async () => {
        await writeFiles(dir.path, { "slow.md": paragraph("slow", 10), "later.md": paragraph("later", 10) });
        FakeParser.hangOn = /slow/;
        const service = ingest(() => new FakeEmbedder());
        await service.add([dir.file("slow.md"), dir.file("later.md")]);
        // In flight means the parser has the file: "parsing" is set a moment before the parser is made.
        await waitFor(() => byName()["slow.md"]?.status === "parsing" && FakeParser.parsed.includes("slow.md"));
        await service.cancel();
        expect(FakeParser.disposed).toBeGreaterThanOrEqual(1);
        expect(byName()["slow.md"]).toMatchObject({ status: "failed", statusReason: cancelledReason });
        expect(byName()["later.md"]).toMatchObject({ status: "failed", statusReason: cancelledReason });

        FakeParser.hangOn = undefined; // re-indexing after a cancel works with a fresh parser
        await service.reindex();
        await service.idle();
        expect(Object.values(byName()).map((document) => document.status)).toEqual(["indexed", "indexed"]);
    });

    it("removes the document being indexed without leaving chunks behind, and goes on with the next", async () => {
        await writeFiles(dir.path, { "a.md": paragraph("alpha", 400), "b.md": paragraph("beta", 10) });
        const service = ingest(() => new FakeEmbedder(undefined, 10));
        await service.add([dir.path]);
        await waitFor(() => byName()["a.md"]?.status === "embedding");
        const id = byName()["a.md"]!.id;
        expect(await service.remove(id)).toBe(true);
        await service.idle();
        expect(store.getDocument(id)).toBeUndefined();
        expect(store.documentChunks(id)).toEqual([]);
        expect(byName()["b.md"]!.status).toBe("indexed");
        expect(service.progress()).toMatchObject({ filesTotal: 1, filesDone: 1 });
    });

    it("on start, resumes documents a crash left mid-ingest", async () => {
        await writeFiles(dir.path, { "a.md": paragraph("alpha", 10), "b.md": paragraph("beta", 10) });
        const a = store.queueDocument({ sourcePath: dir.file("a.md"), displayName: "a.md", sizeBytes: 1, mtimeMs: 1 });
        store.queueDocument({ sourcePath: dir.file("b.md"), displayName: "b.md", sizeBytes: 1, mtimeMs: 1 });
        store.setStatus(a.id, "embedding");
        const service = ingest(() => new FakeEmbedder());
        service.start();
        await service.idle();
        expect(Object.values(byName()).map((document) => document.status)).toEqual(["indexed", "indexed"]);
    });

    it("fails a file that vanished before its turn, saying so, and re-indexes a fixed file on request", async () => {
        await writeFiles(dir.path, { "gone.md": paragraph("alpha", 10), "broken.xyz": "x" });
        const service = ingest(() => null);
        await service.add([dir.file("gone.md"), dir.file("broken.xyz")]);
        await service.idle();
        await fs.rm(dir.file("gone.md"));
        const withModel = ingest(() => new FakeEmbedder());
        withModel.start();
        await withModel.idle();
        expect(byName()["gone.md"]).toMatchObject({ status: "failed", statusReason: expect.stringMatching(/moved or deleted/) });

        await fs.rename(dir.file("broken.xyz"), dir.file("fixed.md"));
        await fs.writeFile(dir.file("gone.md"), paragraph("back", 10));
        await withModel.reindex(byName()["gone.md"]!.id);
        await withModel.idle();
        expect(byName()["gone.md"]!.status).toBe("indexed");
    });

    it("notifies progress at most about four times a second", async () => {
        const files = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`doc${i}.md`, paragraph(`w${i}x`, 150)]));
        await writeFiles(dir.path, files);
        const service = ingest(() => new FakeEmbedder(undefined, 5));
        const times: number[] = [];
        service.onProgress(() => times.push(performance.now()));
        const started = performance.now();
        await service.add([dir.path]);
        await service.idle();
        const seconds = (performance.now() - started) / 1000;
        expect(times.length).toBeGreaterThan(1);
        expect(times.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
        expect(service.progress()).toMatchObject({ filesDone: 4, filesTotal: 4, running: false });
        expect(service.progress().chunksPerSecond).toBeGreaterThan(0);
    });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error("condition not met in time");
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}
