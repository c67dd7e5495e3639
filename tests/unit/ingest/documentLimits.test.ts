import type { Database } from "better-sqlite3";
import { existsSync } from "node:fs";
import { ocrLanguageChoices } from "../../../src-main/common/contract/settingsTypes.js";
import { ocrLanguageDataPath } from "../../../src-main/ingest/parse/ocr/ocrLanguageData.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { methods } from "../../../src-main/common/contract/methods.js";
import { defaultSettings, type Settings } from "../../../src-main/common/contract/settingsTypes.js";
import { IngestService } from "../../../src-main/ingest/IngestService.js";
import { ParserClient } from "../../../src-main/ingest/parse/ParserClient.js";
import { parseLimitsFromSettings } from "../../../src-main/ingest/parse/parseLimitsFromSettings.js";
import { LibraryStore } from "../../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";
import { makeTempDir } from "../parse/support/tempDir.js";
import { FakeEmbedder, writeFiles } from "./support/fakes.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let db: Database;
let service: IngestService | undefined;

beforeEach(async () => {
    dir = await makeTempDir("limits");
    db = openDatabase(":memory:");
});
afterEach(async () => {
    await service?.dispose();
    db.close();
    await dir.remove();
});

describe("document limits in Settings", () => {
    it("a file over the size set in Settings fails saying which setting to raise; raised, the file is indexed", async () => {
        const store = new LibraryStore(db);
        let settings: Settings = { ...defaultSettings, maxDocumentMegabytes: 1 };
        service = new IngestService({
            store, threads: 1, embedder: async () => new FakeEmbedder(), createParser: () => new ParserClient(),
            limits: () => parseLimitsFromSettings(settings)
        });
        await writeFiles(dir.path, { "big.txt": "word ".repeat(300_000) }); // 1.5 MB
        await service.add([dir.file("big.txt")]);
        await service.idle();
        const [failed] = store.listDocuments();
        expect(failed).toMatchObject({ status: "failed" });
        expect(failed!.statusReason).toMatch(/over the 1 MB limit for one document.*raise "Largest document" in Settings > Documents/);

        settings = { ...settings, maxDocumentMegabytes: 2 };
        await service.reindex(failed!.id);
        await service.idle();
        expect(store.getDocument(failed!.id)).toMatchObject({ status: "indexed" });
    }, 60_000);

    it("limits are clamped to safe bounds, and the contract refuses values outside them", () => {
        const limits = parseLimitsFromSettings({ maxDocumentMegabytes: 1e9, maxDocumentPages: 0, maxInflatedMegabytes: Number.NaN, parseTimeoutSeconds: 1 });
        expect(limits).toMatchObject({ maxBytes: 2048 * 1024 * 1024, maxPages: 1, maxInflatedBytes: 1024 * 1024, timeoutMs: 5_000 });
        const update = methods["settings.update"].input;
        expect(update.safeParse({ maxDocumentMegabytes: 4096 }).success).toBe(false);
        expect(update.safeParse({ parseTimeoutSeconds: 0 }).success).toBe(false);
        expect(update.safeParse({ maxDocumentPages: 20_000, maxInflatedMegabytes: 1024, parseTimeoutSeconds: 600, maxDocumentMegabytes: 1024 }).success).toBe(true);
    });

    it("scanned-page limit and recognition languages: clamped and filtered to the installed languages, the contract refuses unknown or repeated ones", () => {
        const base = { maxDocumentMegabytes: 512, maxDocumentPages: 5000, maxInflatedMegabytes: 200, parseTimeoutSeconds: 120 };
        expect(parseLimitsFromSettings({ ...base, maxScannedPages: 1e9, ocrLanguages: ["fra", "xyz", "fra"] as never })).toMatchObject({ maxScannedPages: 10_000, ocrLanguages: ["fra"] });
        expect(parseLimitsFromSettings({ ...base, maxScannedPages: 0, ocrLanguages: [] })).toMatchObject({ maxScannedPages: 1, ocrLanguages: ["eng"] });
        const update = methods["settings.update"].input;
        expect(update.safeParse({ ocrLanguages: ["eng", "fra"], maxScannedPages: 500 }).success).toBe(true);
        expect(update.safeParse({ ocrLanguages: ["deu"] }).success).toBe(false);
        expect(update.safeParse({ ocrLanguages: [] }).success).toBe(false);
        expect(update.safeParse({ ocrLanguages: ["eng", "eng"] }).success).toBe(false);
        expect(update.safeParse({ maxScannedPages: 0 }).success).toBe(false);
    });

    it("every recognition language offered in Settings has its data installed (shipped with the app, never downloaded)", () => {
        for (const { code } of ocrLanguageChoices) expect(existsSync(ocrLanguageDataPath(code)), code).toBe(true);
    });
});
