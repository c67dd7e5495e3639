import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "better-sqlite3";
import { getLlama, LlamaLogLevel, readGgufFileInfo, type Llama } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Embedder } from "../../src-main/engine/Embedder.js";
import { modelRole } from "../../src-main/engine/modelRole.js";
import { cancelledReason } from "../../src-main/ingest/failureReason.js";
import { IngestService } from "../../src-main/ingest/IngestService.js";
import { FolderWatcher } from "../../src-main/ingest/watch/FolderWatcher.js";
import { HybridRetriever } from "../../src-main/retrieval/HybridRetriever.js";
import { LibraryMeta } from "../../src-main/store/library/LibraryMeta.js";
import { LibraryStore } from "../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../src-main/store/openDatabase.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { makeTempDir } from "../unit/parse/support/tempDir.js";
import { sampleQueuedNames, writeManyNotes, writeSampleLibrary } from "../unit/ingest/support/sampleLibrary.js";

// One thread: the test machines' two cores are shared, and a llama.cpp thread that waits for a busy
// core stalls the other one at every barrier.
const threads = 1;
let llama: Llama;
let embedder: Embedder;
let modelPath: string;
let dir: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
    modelPath = await ensureSyntheticModel("tiny-embed");
    llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
    embedder = await Embedder.load(llama, modelPath, { threads });
    dir = await makeTempDir("ingest-model");
});
afterAll(async () => {
    await embedder?.dispose();
    await llama?.dispose();
    await dir?.remove();
});

function openLibrary(name: string): { db: Database; store: LibraryStore; ingest: IngestService } {
    const db = openDatabase(dir.file(`${name}.sqlite`));
    const store = new LibraryStore(db);
    return { db, store, ingest: new IngestService({ store, threads, embedder: async () => embedder }) };
}

const documentsByName = (store: LibraryStore) => Object.fromEntries(store.listDocuments().map((document) => [document.displayName, document]));

describe("the synthetic embedding model", () => {
    it("reads as an embedding model and gives pooled, normalised vectors through an embedding context", async () => {
        expect(modelRole(await readGgufFileInfo(modelPath, { readTensorInfo: true, logWarnings: false }))).toBe("embedding");
        const chat = await ensureSyntheticModel("tiny-q8_0");
        expect(modelRole(await readGgufFileInfo(chat, { readTensorInfo: true, logWarnings: false }))).toBe("chat");
        expect(embedder.identity).toMatchObject({ architecture: "llama", dimension: 64 });
        const [a, b] = await embedder.embedMany(["Refunds are paid within fourteen days.", "The help desk opens at nine."]);
        expect(a).toHaveLength(64);
        expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
        expect(Array.from(a!)).not.toEqual(Array.from(b!));
        expect(Array.from(await embedder.embed("Refunds are paid within fourteen days."))).toEqual(Array.from(a!));
    });
});

describe("ingesting real files with the parser process and an embedding model", () => {
    let library: ReturnType<typeof openLibrary>;
    let docs: string;

    beforeAll(async () => {
        docs = dir.file("docs");
        await writeSampleLibrary(docs);
        library = openLibrary("library");
    });
    afterAll(async () => {
        await library?.ingest.dispose();
        library?.db.close();
    });

    it("ends every file indexed, or failed with a reason a person can act on", async () => {
        const { ingest, store } = library;
        const added = await ingest.add([docs, path.join(docs, "data.xyz")]);
        expect(added.queued.map((document) => document.displayName).sort()).toEqual([...sampleQueuedNames, "data.xyz"].sort());
        expect(added.skippedUnsupported).toBe(1);
        await ingest.idle();

        const byName = documentsByName(store);
        for (const name of ["guide.md", "notes-utf16.txt", "page.html", "report.pdf"])
            expect(byName[name], name).toMatchObject({ status: "indexed", statusReason: null });
        expect(byName["scanned.pdf"]).toMatchObject({ status: "failed", statusReason: expect.stringMatching(/scanned.*text recognition found no words/) });
        expect(byName["corrupt.pdf"]).toMatchObject({ status: "failed", statusReason: expect.stringMatching(/"corrupt\.pdf" could not be read as a PDF/) });
        expect(byName["data.xyz"]).toMatchObject({ status: "failed", statusReason: expect.stringMatching(/"data\.xyz" is a picture in which text recognition found no words/) });
        expect(ingest.progress()).toMatchObject({ running: false, filesDone: 7, filesTotal: 7, filesFailed: 3 });

        // What a citation needs is in place: pages for the PDF, headings for Markdown and HTML, decoded UTF-16.
        expect(byName["report.pdf"]).toMatchObject({ format: "pdf", pageCount: 2, title: "Quarterly report" });
        expect(store.documentChunks(byName["report.pdf"]!.id).map((chunk) => chunk.page)).toEqual([1, 2]);
        expect(store.documentChunks(byName["guide.md"]!.id).map((chunk) => chunk.headingPath.at(-1))).toEqual(["Booking", "Refunds"]);
        expect(store.documentChunks(byName["notes-utf16.txt"]!.id).map((chunk) => chunk.text).join("\n")).toContain("café budget for the résumé");
        const retriever = new HybridRetriever(store, { embedQuery: (query) => embedder.embed(query) });
        const [top] = await retriever.retrieve("shared inbox on public holidays", { limit: 1 });
        expect(top).toMatchObject({ documentName: "page.html", text: expect.stringContaining("public holidays") });
    });

    it("does nothing when unchanged files are added again", async () => {
        const { ingest, store, db } = library;
        const before = db.prepare("SELECT id, document_id FROM chunks ORDER BY id").all();
        const documents = store.listDocuments();
        const again = await ingest.add([docs]);
        await ingest.idle();
        // Failed files too: they would fail the same way until they change (or are re-indexed on request).
        expect(again.queued).toEqual([]);
        expect(again.unchanged.map((document) => document.displayName).sort()).toEqual(sampleQueuedNames);
        expect(db.prepare("SELECT id, document_id FROM chunks ORDER BY id").all()).toEqual(before);
        expect(store.listDocuments()).toEqual(documents);
    });

    it("re-indexes only the file that was edited", async () => {
        const { ingest, store } = library;
        const before = documentsByName(store);
        await fs.appendFile(path.join(docs, "guide.md"), "\n\n## Luggage\n\nEach traveller may bring two suitcases.\n");
        const added = await ingest.add([docs]);
        await ingest.idle();
        expect(added.queued.map((document) => document.displayName)).toEqual(["guide.md"]);
        const after = documentsByName(store);
        expect(after["guide.md"]!.indexedAt).toBeGreaterThan(before["guide.md"]!.indexedAt!);
        expect(after["guide.md"]!.contentHash).not.toBe(before["guide.md"]!.contentHash);
        expect(store.documentChunks(after["guide.md"]!.id).map((chunk) => chunk.headingPath.at(-1))).toEqual(["Booking", "Refunds", "Luggage"]);
        for (const name of ["notes-utf16.txt", "page.html", "report.pdf"]) expect(after[name]!.indexedAt).toBe(before[name]!.indexedAt);
    });

    it("removes a document when its file is deleted from a watched folder, and adds a new one", async () => {
        const { ingest, store, db } = library;
        const watcher = new FolderWatcher({ meta: new LibraryMeta(db), library: store, ingest, debounceMs: 100, writeFinishMs: 200 });
        try {
            await watcher.watchFolder(docs);
            const removedId = documentsByName(store)["page.html"]!.id;
            await fs.rm(path.join(docs, "nested", "page.html"));
            await fs.writeFile(path.join(docs, "nested", "added.md"), "# Added later\n\nA note written while Locus was watching.\n");
            await waitFor(async () => {
                await ingest.idle();
                return store.getDocument(removedId) === undefined && documentsByName(store)["added.md"]?.status === "indexed";
            });
            expect(store.documentChunks(removedId)).toEqual([]);
            expect(db.prepare("SELECT COUNT(*) AS n FROM chunks WHERE document_id = ?").get(removedId)).toEqual({ n: 0 });
        } finally {
            await watcher.dispose();
        }
    });
});

describe("cancelling a run", () => {
    it("stops promptly and marks every document not yet indexed as cancelled", async () => {
        const notes = dir.file("cancel-notes");
        await writeManyNotes(notes, 8);
        const { ingest, store, db } = openLibrary("cancel");
        try {
            await ingest.add([notes]);
            await waitFor(async () => store.listDocuments(["indexed"]).length >= 1);
            const started = performance.now();
            const progress = await ingest.cancel();
            const seconds = (performance.now() - started) / 1000;
            const documents = store.listDocuments();
            const indexed = documents.filter((document) => document.status === "indexed");
            const cancelled = documents.filter((document) => document.status === "failed");
            expect(indexed.length).toBeGreaterThanOrEqual(1);
            expect(cancelled.length).toBeGreaterThanOrEqual(1);
            expect(indexed.length + cancelled.length).toBe(8);
            for (const document of cancelled) {
                expect(document.statusReason).toBe(cancelledReason);
                expect(store.documentChunks(document.id)).toEqual([]);
            }
            expect(progress).toMatchObject({ running: false, filesDone: 8, filesFailed: cancelled.length });
            // One embedding batch at most: 16 small chunks of the synthetic model.
            expect(seconds).toBeLessThan(10);
        } finally {
            await ingest.dispose();
            db.close();
        }
    });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
        if (Date.now() > deadline) throw new Error("condition not met in time");
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
