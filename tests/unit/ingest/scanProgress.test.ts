import fs from "node:fs/promises";
import type { Database } from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IngestProgress } from "../../../src-main/common/contract/libraryTypes.js";
import { IngestService } from "../../../src-main/ingest/IngestService.js";
import type { ParseProgress } from "../../../src-main/ingest/parse/parseSchemas.js";
import type { ParsedDocument } from "../../../src-main/ingest/parse/types.js";
import type { DocumentParser } from "../../../src-main/ingest/types.js";
import { LibraryStore } from "../../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";
import { describeScanProgress } from "../../../src-renderer/lib/format/index.js";
import { makeTempDir } from "../parse/support/tempDir.js";
import { FakeEmbedder } from "./support/fakes.js";

/** Reads a "scan" of three pages, reporting each page as the real parser's text recognition does. */
class ScanningParser implements DocumentParser {
    async parse(filePath: string, _limits?: unknown, options: { onProgress?: (progress: ParseProgress) => void } = {}): Promise<ParsedDocument> {
        const pages = 3;
        for (let page = 0; page <= pages; page++) {
            options.onProgress?.({ stage: "ocr", page, pages });
            await new Promise((resolve) => setTimeout(resolve, 30));
        }
        const text = await fs.readFile(filePath, "utf8");
        return { format: "pdf", sections: [1, 2, 3].map((page) => ({ text: `${text} page ${String(page)}`, page, headingPath: [] })) };
    }

    async dispose(): Promise<void> {}
}

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let db: Database;
let service: IngestService;
beforeEach(async () => {
    dir = await makeTempDir("scan-progress");
    db = openDatabase(":memory:");
});
afterEach(async () => {
    await service.dispose();
    db.close();
    await dir.remove();
});

describe("progress of a scan read by text recognition", () => {
    it("the library's progress names the scan and its page while it is read, and clears once it is read", async () => {
        service = new IngestService({
            store: new LibraryStore(db), threads: 1, embedder: async () => new FakeEmbedder(), createParser: () => new ScanningParser(), notifyIntervalMs: 1
        });
        const seen: IngestProgress[] = [];
        service.onProgress((progress) => seen.push(progress));
        await fs.writeFile(dir.file("scan.pdf"), "Recognized words");
        await service.add([dir.file("scan.pdf")]);
        await service.idle();
        const readings = seen.map((progress) => progress.reading).filter((reading) => reading != null);
        expect(readings.length).toBeGreaterThan(0);
        expect(readings.every((reading) => reading.name === "scan.pdf" && reading.pagesTotal === 3)).toBe(true);
        expect(readings.at(-1)!.pagesDone).toBeGreaterThanOrEqual(2);
        expect(service.progress().reading ?? null).toBeNull();
        const during = seen.find((progress) => progress.reading != null)!;
        expect(describeScanProgress(during)).toMatch(/^Reading scan\.pdf by text recognition: page [1-3] of 3$/);
    });
});
