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
    dir = await makeTempDir("disk-full");
    db = openDatabase(dir.file("locus.sqlite"));
    store = new LibraryStore(db);
    FakeParser.reset();
});
afterEach(async () => {
    await service?.dispose();
    service = null;
    db.close();
    await dir.remove();
});

const byName = () => Object.fromEntries(store.listDocuments().map((document) => [document.displayName, document]));
const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
/** A real SQLITE_FULL: SQLite refuses to grow the file past this many pages, as on a full disk. */
const fillDiskAt = (pages: number) => db.pragma(`max_page_count = ${pages}`);
const pageCount = (): number => db.pragma("page_count", { simple: true }) as number;

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
    const until = Date.now() + ms;
    while (!check()) {
        if (Date.now() > until) throw new Error("timed out waiting");
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

describe("a full disk during indexing", () => {
    it("pauses indexing with a clear message, keeps every document indexed before and the queue, then carries on when space is freed", async () => {
        await writeFiles(dir.path, { "small.md": `${paragraph("alpha", 30)}\n\n${paragraph("beta", 30)}` });
        service = new IngestService({
            store, threads: 1, embedder: async () => new FakeEmbedder(), createParser: () => new FakeParser(), embedBatchSize: 4, diskFullRetryMs: 300
        });
        await service.add([dir.file("small.md")]);
        await service.idle();
        const small = byName()["small.md"]!;
        expect(small.status).toBe("indexed");
        const chunksBefore = count("SELECT COUNT(*) AS n FROM chunks");

        // A large document (hundreds of chunks) and a disk with room for its row, not its chunks.
        await writeFiles(dir.path, {
            "large.md": Array.from({ length: 300 }, (_, i) => paragraph(`w${i}x`, 40)).join("\n\n"),
            "later.md": Array.from({ length: 320 }, (_, i) => paragraph(`v${i}y`, 40)).join("\n\n")
        });
        fillDiskAt(pageCount() + 3);
        await service.add([dir.file("large.md"), dir.file("later.md")]);
        await waitFor(() => /disk is full/.test(service!.progress().blockedReason ?? ""));
        await service.idle();

        const blocked = service.progress().blockedReason!;
        expect(blocked).toMatch(/^Indexing paused: the disk is full, so "(large|later)\.md" could not be saved to the library\./);
        expect(blocked).toMatch(/Everything indexed before is kept/);
        const documents = byName();
        // Nothing is marked failed for want of space: both wait in the queue.
        expect(documents["large.md"]!.status).toBe("queued");
        expect(documents["later.md"]!.status).toBe("queued");
        expect(documents["small.md"]).toMatchObject({ status: "indexed", chunkCount: small.chunkCount });
        expect(count("SELECT COUNT(*) AS n FROM chunks")).toBe(chunksBefore);
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");

        // Space comes back: the retry indexes them without being asked, and the message goes.
        fillDiskAt(1_073_741_823);
        await waitFor(() => byName()["large.md"]!.status === "indexed" && byName()["later.md"]!.status === "indexed");
        await service.idle();
        expect(service.progress().blockedReason).toBeNull();
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    });
});
