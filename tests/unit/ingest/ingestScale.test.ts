import type { Database } from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IngestProgress } from "../../../src-main/common/contract/libraryTypes.js";
import { IngestService } from "../../../src-main/ingest/IngestService.js";
import { LibraryStore } from "../../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";
import { makeTempDir } from "../parse/support/tempDir.js";
import { FakeEmbedder, FakeParser, paragraph, writeFiles } from "./support/fakes.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let db: Database;
let store: LibraryStore;
const services: IngestService[] = [];

beforeEach(async () => {
    dir = await makeTempDir("ingest-scale");
    db = openDatabase(dir.file("db/library.sqlite"));
    store = new LibraryStore(db);
    FakeParser.reset();
});
afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.dispose()));
    db.close();
    await dir.remove();
});

function ingest(embedder: FakeEmbedder, options: { largeDocumentChunks?: number } = {}): IngestService {
    const service = new IngestService({
        store, threads: 1, embedder: async () => embedder, createParser: () => new FakeParser(), embedBatchSize: 4, notifyIntervalMs: 1, ...options
    });
    services.push(service);
    return service;
}

const byName = () => Object.fromEntries(store.listDocuments().map((document) => [document.displayName, document]));
const distinctChunkTexts = (): number => (db.prepare("SELECT COUNT(DISTINCT embed_hash) AS n FROM chunks").get() as { n: number }).n;

/** Paragraphs of distinct words, each its own section (the fake parser splits on blank lines), so each is one chunk. */
const paragraphs = (seed: string, count: number): string => Array.from({ length: count }, (_, i) => paragraph(`${seed}${i}w`, 20)).join("\n\n");

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error("condition not met in time");
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}

describe("ingestion at scale", () => {
    it("embeds identical chunk texts once: repeated boilerplate and a copy of a file reuse their vectors", async () => {
        const boilerplate = paragraph("confidential", 20);
        const body = [boilerplate, paragraph("alpha", 20), boilerplate, paragraph("beta", 20), boilerplate].join("\n\n");
        await writeFiles(dir.file("docs"), { "a.txt": body, "copy/a-copy.txt": body, "b.txt": `${boilerplate}\n\n${paragraph("gamma", 20)}` });
        const embedder = new FakeEmbedder();
        const service = ingest(embedder);
        await service.add([dir.file("docs")]);
        await service.idle();
        expect(Object.values(byName()).map((document) => document.status)).toEqual(["indexed", "indexed", "indexed"]);
        // 12 chunks, 4 distinct texts (the header differs by nothing: the fake parser gives no title).
        expect((db.prepare("SELECT COUNT(*) AS n FROM chunks").get() as { n: number }).n).toBe(12);
        expect(distinctChunkTexts()).toBe(4);
        expect(embedder.embedded).toBe(4);
        // Every chunk is searchable by meaning, reused vectors included.
        for (const document of store.listDocuments())
            for (const chunk of store.documentChunks(document.id))
                expect(store.vectorSearch(await embedder.embedMany([chunk.text]).then(([v]) => v!), 20).map((hit) => hit.chunkId)).toContain(chunk.id);
    });

    it("after a crash mid-document, resumes from the vectors already embedded; search never sees the half-done document", async () => {
        await writeFiles(dir.path, { "big.txt": paragraphs("big", 40) });
        const slow = new FakeEmbedder(undefined, 10);
        const first = ingest(slow);
        await first.add([dir.file("big.txt")]);
        await waitFor(() => store.pendingVectorCount(byName()["big.txt"]!.id) >= 12);
        // Search sees none of it while it is being indexed.
        expect(store.keywordSearch("\"big0w0\"", 5)).toEqual([]);
        await first.dispose(); // as a kill would: the document stays "embedding"
        const saved = store.pendingVectorCount(byName()["big.txt"]!.id);
        expect(byName()["big.txt"]!.status).toBe("embedding");
        expect(store.keywordSearch("\"big0w0\"", 5)).toEqual([]);

        // Slow enough that the throttled progress reports the resumed document's plan while it is embedded.
        const fresh = new FakeEmbedder(undefined, 10);
        const second = ingest(fresh);
        const plans: Array<IngestProgress["document"]> = [];
        second.onProgress((progress) => plans.push(progress.document));
        second.start();
        await second.idle();
        expect(byName()["big.txt"]).toMatchObject({ status: "indexed", chunkCount: 40 });
        expect(fresh.embedded).toBe(40 - saved);
        expect(store.pendingVectorCount(byName()["big.txt"]!.id)).toBe(0);
        expect(store.keywordSearch("\"big0w0\"", 5)).toHaveLength(1);
        expect(plans.some((plan) => plan?.chunksReused === saved && plan.chunksTotal === 40 - saved)).toBe(true);
    });

    it("a large document gives way to small documents queued while it is embedded, then finishes from where it stopped", async () => {
        await writeFiles(dir.path, { "big.txt": paragraphs("big", 60), "small.txt": paragraph("small", 10) });
        const embedder = new FakeEmbedder(undefined, 40);
        const service = ingest(embedder, { largeDocumentChunks: 8 });
        await service.add([dir.file("big.txt")]);
        await waitFor(() => byName()["big.txt"]?.status === "embedding");
        await service.add([dir.file("small.txt")]);
        await waitFor(() => byName()["small.txt"]?.status === "indexed", 15_000);
        expect(byName()["big.txt"]!.status).not.toBe("indexed");
        await service.idle();
        expect(byName()["big.txt"]).toMatchObject({ status: "indexed", chunkCount: 60 });
        // Nothing was embedded twice across the pause.
        expect(embedder.embedded).toBe(61);
    }, 30_000);

    it("shows the current document's own progress: chunks embedded of those it needs, and its time left", async () => {
        await writeFiles(dir.path, { "big.txt": paragraphs("big", 30) });
        const service = ingest(new FakeEmbedder(undefined, 5));
        const seen: Array<NonNullable<IngestProgress["document"]>> = [];
        service.onProgress((progress) => { if (progress.document) seen.push(progress.document); });
        await service.add([dir.file("big.txt")]);
        await waitFor(() => service.progress().document?.chunksDone !== undefined && service.progress().document!.chunksDone >= 8);
        expect(service.progress().document).toMatchObject({ name: "big.txt", chunksTotal: 30, chunksReused: 0 });
        await service.idle();
        expect(seen.length).toBeGreaterThan(0);
        expect(service.progress().document).toBeNull();
    });

    it("orders the queue smallest first", async () => {
        await writeFiles(dir.file("docs"), { "b-large.txt": paragraphs("l", 12), "a-small.txt": paragraph("s", 5), "c-mid.txt": paragraphs("m", 3) });
        const service = ingest(new FakeEmbedder());
        await service.add([dir.file("docs")]);
        await service.idle();
        expect(FakeParser.parsed).toEqual(["a-small.txt", "c-mid.txt", "b-large.txt"]);
    });
});
