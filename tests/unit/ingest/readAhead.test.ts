import type { Database } from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IngestService } from "../../../src-main/ingest/IngestService.js";
import { LibraryStore } from "../../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";
import { makeTempDir } from "../parse/support/tempDir.js";
import { FakeEmbedder, FakeParser, paragraph, writeFiles } from "./support/fakes.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let db: Database;
let store: LibraryStore;
let service: IngestService | null = null;

beforeEach(async () => {
    dir = await makeTempDir("read-ahead");
    db = openDatabase(":memory:");
    store = new LibraryStore(db);
    FakeParser.reset();
});
afterEach(async () => {
    await service?.dispose();
    service = null;
    db.close();
    await dir.remove();
});

/** Records, at each embedding call, which files the parser had been asked for so far. */
class WatchingEmbedder extends FakeEmbedder {
    readonly seen: Array<{ first: string; parsed: string[] }> = [];
    override async embedMany(texts: readonly string[], onEach?: (done: number) => void): Promise<Float32Array[]> {
        this.seen.push({ first: texts[0] ?? "", parsed: [...FakeParser.parsed] });
        return super.embedMany(texts, onEach);
    }
}

const many = (seed: string, paragraphs: number) => Array.from({ length: paragraphs }, (_, i) => paragraph(`${seed}${i}x`, 40)).join("\n\n");
/** Blank bytes the fake parser ignores: makes a file larger, so the queue (smallest first) takes it later. */
const padded = (text: string, bytes: number) => `${text}\n\n${" ".repeat(bytes)}`;
const statusByName = () => Object.fromEntries(store.listDocuments().map((document) => [document.displayName, document.status]));

describe("reading ahead while embedding", () => {
    it("parses the next document while the current one is still embedding, and indexes both fully", async () => {
        await writeFiles(dir.path, { "a.md": many("alpha", 12), "b.md": padded(many("beta", 3), 20_000) });
        const embedder = new WatchingEmbedder(undefined, 5);
        service = new IngestService({ store, threads: 1, embedder: async () => embedder, createParser: () => new FakeParser(), embedBatchSize: 4 });
        await service.add([dir.path]);
        await service.idle();

        const embeddingA = embedder.seen.filter((call) => call.first.includes("alpha"));
        expect(embeddingA.length).toBeGreaterThanOrEqual(3);
        // a.md's later batches were embedded after b.md had gone to the parser: parsing overlapped embedding.
        expect(embeddingA.at(-1)!.parsed).toContain("b.md");
        expect(FakeParser.parsed).toEqual(["a.md", "b.md"]);
        expect(statusByName()).toEqual({ "a.md": "indexed", "b.md": "indexed" });
        expect(store.documentChunks(store.getDocumentByPath(dir.file("b.md"))!.id).map((chunk) => chunk.text.slice(0, 6))).toEqual(["beta0x", "beta1x", "beta2x"]);
    });

    it("removing the document being read ahead stops its parse; it is never indexed and the queue goes on", async () => {
        await writeFiles(dir.path, { "a.md": many("alpha", 12), "b.md": padded(many("beta", 2), 20_000), "c.md": padded(many("gamma", 2), 30_000) });
        FakeParser.hangOn = /b\.md$/;
        const embedder = new FakeEmbedder(undefined, 20);
        service = new IngestService({ store, threads: 1, embedder: async () => embedder, createParser: () => new FakeParser(), embedBatchSize: 4 });
        await service.add([dir.path]);
        await expect.poll(() => FakeParser.parsed).toContain("b.md");
        expect(statusByName()).toMatchObject({ "a.md": "embedding", "b.md": "parsing" });

        const b = store.getDocumentByPath(dir.file("b.md"))!;
        expect(await service.remove(b.id)).toBe(true);
        await service.idle();
        expect(statusByName()).toEqual({ "a.md": "indexed", "c.md": "indexed" });
        expect(store.getDocument(b.id)).toBeUndefined();
        expect(FakeParser.parsed).toEqual(["a.md", "b.md", "c.md"]);
    });

    it("a cancel puts the document read ahead among the cancelled, not half-indexed", async () => {
        await writeFiles(dir.path, { "a.md": many("alpha", 12), "b.md": padded(many("beta", 2), 20_000) });
        FakeParser.hangOn = /b\.md$/;
        service = new IngestService({ store, threads: 1, embedder: async () => new FakeEmbedder(undefined, 20), createParser: () => new FakeParser(), embedBatchSize: 4 });
        await service.add([dir.path]);
        await expect.poll(() => FakeParser.parsed).toContain("b.md");
        await service.cancel();
        expect(statusByName()).toEqual({ "a.md": "failed", "b.md": "failed" });
        expect((db.prepare("SELECT COUNT(*) AS n FROM chunks").get() as { n: number }).n).toBe(0);
    });
});
