import fs from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { DownloadOfflineError } from "../../../src-main/models/download/errors/DownloadOfflineError.js";
import { DownloadServerError } from "../../../src-main/models/download/errors/DownloadServerError.js";
import { NotEnoughDiskError } from "../../../src-main/models/download/errors/NotEnoughDiskError.js";
import { RemoteFileChangedError } from "../../../src-main/models/download/errors/RemoteFileChangedError.js";
import type { DownloadProgress } from "../../../src-main/models/download/downloadTypes.js";
import { hashFile } from "../../../src-main/models/download/hashFile.js";
import { ModelRepository } from "../../../src-main/store/ModelRepository.js";
import { DownloadHarness, jobIn, waitUntil } from "../../support/fakeHub/downloadHarness.js";
import { fakeModelBytes } from "../../support/fakeHub/fakeModelBytes.js";
import { testCatalogId } from "../../support/fakeHub/testCatalog.js";

const size = 12 * 1024 * 1024 + 4321;
const bytes = fakeModelBytes(size);
let harness: DownloadHarness;

afterEach(async () => {
    await harness.dispose();
});

describe("ModelDownloadService", () => {
    it("downloads, verifies and installs a catalog file, with progress that only grows toward a fixed total", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ bytesPerSecond: 8 * 1024 * 1024 });
        const registered: string[] = [];
        const models = new ModelRepository(harness.db);
        const service = harness.service({
            register: async (filePath, verified) => {
                registered.push(`${filePath}#${verified.sha256}#${verified.source}`);
                return models.add({ path: filePath, fileName: "f.gguf", displayName: "Test", architecture: "llama", sizeBytes: size, role: "chat" }).id;
            }
        });

        const started = await service.start(testCatalogId, "Q8_0");
        expect(started).toMatchObject({ state: "downloading", totalBytes: size, fileName: harness.file.fileName, sha256Source: "catalog" });
        const job = await service.wait(started.id);

        expect(job).toMatchObject({ state: "completed", downloadedBytes: size, modelId: models.list()[0]!.id, error: null });
        expect(await hashFile(harness.installedPath)).toBe(harness.file.sha256);
        expect(registered).toEqual([`${harness.installedPath}#${harness.file.sha256}#catalog`]);
        expect(harness.inspected).toEqual([harness.installedPath]);
        expect(await harness.partialFiles()).toEqual([]);
        // The downloader fetched the file as several ranges over parallel connections.
        expect(harness.hub.dataRequests().length).toBeGreaterThanOrEqual(2);

        const progress = harness.events.flatMap((e) => (e.type === "progress" && e.progress.phase === "downloading" ? [e.progress] : []));
        expect(progress.length).toBeGreaterThan(3);
        expect(progress.every((p) => p.totalBytes === size && p.bytesPerSecond >= 0)).toBe(true);
        progress.reduce<DownloadProgress | null>((previous, current) => {
            if (previous != null) expect(current.doneBytes).toBeGreaterThanOrEqual(previous.doneBytes);
            return current;
        }, null);
        expect(progress.at(-1)).toMatchObject({ doneBytes: size, secondsLeft: 0 });
        expect(progress.some((p) => p.bytesPerSecond > 0 && p.secondsLeft != null && p.secondsLeft > 0)).toBe(true);
        const states = harness.events.flatMap((e) => (e.type === "job" ? [e.job.state] : []));
        expect(states).toEqual(["downloading", "verifying", "completed"]);
    });

    it("deletes a file with one flipped byte, never inspects or installs it, and says it was damaged", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ flipByteAt: 7_000_001 });
        const service = harness.service();
        const job = await service.wait((await service.start(testCatalogId, "Q8_0")).id);

        expect(job.state).toBe("failed");
        expect(job.error?.reason).toBe("checksum");
        expect(job.error?.message).toMatch(/is damaged or was tampered with.*It was deleted; try again/);
        expect(harness.inspected).toEqual([]);
        expect(await harness.modelFiles()).toEqual([]);
        expect(await harness.partialFiles()).toEqual([]);
    });

    it("refuses a truncated file before downloading it and leaves nothing behind", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ truncateTo: size - 1000 });
        const service = harness.service();
        const job = await service.wait((await service.start(testCatalogId, "Q8_0")).id);

        expect(job.state).toBe("failed");
        expect(job.error?.reason).toBe("truncated");
        expect(job.error?.message).toContain(`${(size - 1000).toLocaleString("en-US")} of ${size.toLocaleString("en-US")} bytes arrived`);
        expect(await harness.modelFiles()).toEqual([]);
        expect(await harness.partialFiles()).toEqual([]);
        expect(harness.hub.dataBytes()).toBe(0);
    });

    it("reports too little disk space before any byte is downloaded, naming both sizes", async () => {
        harness = await DownloadHarness.create({ bytes });
        const service = harness.service({ freeDiskBytes: async () => 5_000_000, reserveBytes: 0 });

        const error = await service.start(testCatalogId, "Q8_0").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotEnoughDiskError);
        expect((error as Error).message).toContain("needs 12.6 MB of free space");
        expect((error as Error).message).toContain("only 5.0 MB is free");
        expect(harness.hub.requests.filter((r) => r.method === "GET")).toEqual([]);
        expect(service.list()).toEqual([]);
    });

    it("deletes the partial file when a download is cancelled", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ stallAtOffset: 6 * 1024 * 1024 });
        const service = harness.service();
        const { id } = await service.start(testCatalogId, "Q8_0");
        await waitUntil(() => harness.events.some((e) => e.type === "progress" && e.progress.doneBytes > 0), "some bytes arrived");
        expect((await harness.partialFiles()).length).toBeGreaterThan(0);

        const job = await service.cancel(id);
        expect(job.state).toBe("cancelled");
        expect(await harness.partialFiles()).toEqual([]);
        expect(await harness.modelFiles()).toEqual([]);
    });

    it("fails fast, in plain words, when the hub cannot be reached or answers with an error", async () => {
        harness = await DownloadHarness.create({ bytes });
        const service = harness.service();
        harness.hub.setFaults({ offline: true });
        const offline = await service.start(testCatalogId, "Q8_0").catch((e: unknown) => e);
        expect(offline).toBeInstanceOf(DownloadOfflineError);
        expect((offline as Error).message).toMatch(/could not reach 127\.0\.0\.1:\d+ .*Check the internet connection/);

        harness.hub.setFaults({ status: 503 });
        const server = await service.start(testCatalogId, "Q8_0").catch((e: unknown) => e);
        expect(server).toBeInstanceOf(DownloadServerError);
        expect((server as Error).message).toContain("HTTP 503");
        expect(service.list()).toEqual([]);
    });

    it("refuses to download when the hub's file is not the one the catalog pins", async () => {
        harness = await DownloadHarness.create({ bytes, quant: { sha256: "f".repeat(64) } });
        const error = await harness.service().start(testCatalogId, "Q8_0").catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RemoteFileChangedError);
        expect(harness.hub.dataBytes()).toBe(0);
    });

    it.each([
        ["the x-linked-etag header", {}],
        ["the revision API when the header is missing", { linkedEtag: false }]
    ])("checks a file the catalog has no SHA-256 for against the hub's LFS object id from %s", async (_, hub) => {
        harness = await DownloadHarness.create({ bytes, quant: { sha256: null }, hub });
        const service = harness.service();
        const good = await service.wait((await service.start(testCatalogId, "Q8_0")).id);
        expect(good).toMatchObject({ state: "completed", sha256Source: "hub", expectedSha256: harness.file.sha256 });

        await fs.rm(harness.installedPath);
        harness.hub.setFaults({ flipByteAt: 123 });
        const bad = await service.wait((await service.start(testCatalogId, "Q8_0")).id);
        expect(bad.error?.reason).toBe("checksum");
        expect(await harness.modelFiles()).toEqual([]);
    });

    it("returns the running job instead of starting the same file twice", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ stallAtOffset: 1024 * 1024 });
        const service = harness.service();
        const first = await service.start(testCatalogId, "Q8_0");
        const second = await service.start(testCatalogId, "Q8_0");
        expect(second.id).toBe(first.id);
        expect(service.list()).toHaveLength(1);
        await service.cancel(first.id);
        expect(jobIn(service, first.id, "cancelled")).toBeDefined();
    });
});
