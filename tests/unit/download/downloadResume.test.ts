import { afterEach, describe, expect, it } from "vitest";
import { DownloadOfflineError } from "../../../src-main/models/download/errors/DownloadOfflineError.js";
import { hashFile } from "../../../src-main/models/download/hashFile.js";
import { DownloadHarness, jobIn, waitUntil } from "../../support/fakeHub/downloadHarness.js";
import { fakeModelBytes } from "../../support/fakeHub/fakeModelBytes.js";
import { testCatalogId } from "../../support/fakeHub/testCatalog.js";
import { bytesSentAgain, downloaderChunkBytes, spanBytes, wholeChunks } from "./support/servedChunks.js";

// Four downloader chunks, the last one short; the network goes quiet inside the third.
const size = 3 * downloaderChunkBytes + 700 * 1024 + 13;
const quietFrom = 2 * downloaderChunkBytes + 1024 * 1024;
const bytes = fakeModelBytes(size, "resume");
let harness: DownloadHarness;

afterEach(async () => {
    await harness.dispose();
});

/** Waits until the client has taken in every byte the hub sent, so whole chunks are recorded in the partial file. */
async function waitForQuietTransfer(): Promise<void> {
    await waitUntil(() => wholeChunks(harness.hub.dataRequests(), size).length >= 2, "two chunks were sent whole");
    await waitUntil(() => harness.events.some((e) => e.type === "progress" && e.progress.doneBytes >= harness.hub.dataBytes()), "the client received them");
    // The downloader writes its chunk record to the partial file asynchronously, right after each chunk.
    await new Promise((resolve) => setTimeout(resolve, 250));
}

/**
 * The chunks that arrived whole before the interruption are never sent again. (Bytes of the unfinished
 * chunks may be: ipull fetches an unfinished chunk from its start, and a request that was still waiting
 * for its answer when the transfer stopped is retried once the network is back, its bytes thrown away.)
 */
async function expectInstalledAndNothingSentTwice(firstSession: number): Promise<void> {
    expect(await hashFile(harness.installedPath)).toBe(harness.file.sha256);
    expect(await harness.partialFiles()).toEqual([]);
    const kept = wholeChunks(harness.hub.requests.slice(0, firstSession), size);
    expect(spanBytes(kept)).toBeGreaterThanOrEqual(2 * downloaderChunkBytes);
    expect(bytesSentAgain(harness.hub.dataRequests(firstSession), kept)).toBe(0);
}

describe("ModelDownloadService resume", () => {
    it("pauses when the network goes quiet, then resumes without downloading finished chunks again", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ stallAtOffset: quietFrom });
        const service = harness.service({ stallTimeoutMs: 1_000 });
        const { id } = await service.start(testCatalogId, "Q8_0");

        const paused = await waitUntil(() => jobIn(service, id, "paused"), "the watchdog paused the job");
        expect(paused.error?.reason).toBe("offline");
        expect(paused.error?.message).toMatch(/no data arrived for \d+ seconds.*resume/);
        expect((await harness.partialFiles()).length).toBeGreaterThan(0);

        const firstSession = harness.hub.requests.length;
        harness.hub.heal();
        await service.resume(id);
        expect(await service.wait(id)).toMatchObject({ state: "completed", error: null, downloadedBytes: size });
        await expectInstalledAndNothingSentTwice(firstSession);
    });

    it("keeps a paused download across a restart and resumes it from the partial file", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ stallAtOffset: quietFrom });
        const first = harness.service();
        const { id } = await first.start(testCatalogId, "Q8_0");
        await waitForQuietTransfer();
        expect(await first.pause(id)).toMatchObject({ state: "paused", error: null });

        await harness.restart();
        const firstSession = harness.hub.requests.length;
        harness.hub.heal();
        const second = harness.service();
        await second.restore();
        const [listed] = second.list();
        expect(listed).toMatchObject({ id, state: "paused" });
        expect(listed!.downloadedBytes).toBeGreaterThanOrEqual(2 * downloaderChunkBytes);
        expect(harness.hub.requests.length).toBe(firstSession);

        await second.resume(id);
        expect(await second.wait(id)).toMatchObject({ state: "completed", downloadedBytes: size });
        await expectInstalledAndNothingSentTwice(firstSession);
    });

    it("resumes, at the next start, a download that quitting the app interrupted", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ stallAtOffset: quietFrom });
        const { id } = await harness.service().start(testCatalogId, "Q8_0");
        await waitForQuietTransfer();

        await harness.restart();
        const firstSession = harness.hub.requests.length;
        harness.hub.heal();
        const second = harness.service();
        expect(second.get(id).state).toBe("downloading");
        await second.restore();
        expect(await second.wait(id)).toMatchObject({ state: "completed" });
        await expectInstalledAndNothingSentTwice(firstSession);
    });

    it("keeps a job paused, with the reason, when it cannot resume because the hub is unreachable", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ stallAtOffset: quietFrom });
        const service = harness.service();
        const { id } = await service.start(testCatalogId, "Q8_0");
        await waitForQuietTransfer();
        await service.pause(id);

        harness.hub.setFaults({ offline: true });
        await expect(service.resume(id)).rejects.toBeInstanceOf(DownloadOfflineError);
        expect(service.get(id)).toMatchObject({ state: "paused", error: { reason: "offline" } });
        expect((await harness.partialFiles()).length).toBeGreaterThan(0);

        harness.hub.heal();
        await service.resume(id);
        expect(await service.wait(id)).toMatchObject({ state: "completed", error: null });
    });

    it("retries a dropped connection by itself and fetches again only the chunk it interrupted", async () => {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ dropAtOffset: quietFrom });
        const service = harness.service();
        const job = await service.wait((await service.start(testCatalogId, "Q8_0")).id);

        expect(job.state).toBe("completed");
        expect(await hashFile(harness.installedPath)).toBe(harness.file.sha256);
        expect(harness.hub.dataRequests().some((r) => r.range != null && r.bytesSent < r.range.end - r.range.start)).toBe(true);
        expect(harness.hub.dataBytes()).toBeLessThanOrEqual(size + downloaderChunkBytes);
    });

    /** A job a kill interrupted after the verified file was published under its final name, before it was in the model list. */
    async function killedAfterPublishing(publishedBytes: Buffer): Promise<{ id: string; firstSession: number }> {
        harness = await DownloadHarness.create({ bytes });
        harness.hub.setFaults({ stallAtOffset: quietFrom });
        const { id } = await harness.service().start(testCatalogId, "Q8_0");
        await waitForQuietTransfer();
        await harness.restart();
        const { mkdir, rm, writeFile } = await import("node:fs/promises");
        await mkdir(harness.modelsDir, { recursive: true });
        await writeFile(harness.installedPath, publishedBytes);
        await rm(`${harness.partialRoot}/${id}`, { recursive: true, force: true });
        harness.hub.heal();
        return { id, firstSession: harness.hub.requests.length };
    }

    it("registers at the next start, without downloading it again, a verified file a kill left published but not in the model list", async () => {
        const { id, firstSession } = await killedAfterPublishing(bytes);
        const second = harness.service();
        expect(second.get(id).state).toBe("downloading");
        await second.restore();
        expect(await second.wait(id)).toMatchObject({ state: "completed", error: null });
        expect(harness.hub.dataBytes(firstSession)).toBe(0);
        expect(harness.inspected).toEqual([harness.installedPath]);
        expect(await hashFile(harness.installedPath)).toBe(harness.file.sha256);
        expect(await harness.partialFiles()).toEqual([]);
    });

    it("downloads again at the next start when the file under the final name is not the published one: its hash is still checked", async () => {
        const damaged = Buffer.from(bytes);
        damaged.writeUInt8(damaged.readUInt8(damaged.length >> 1) ^ 0xff, damaged.length >> 1);
        const { id, firstSession } = await killedAfterPublishing(damaged);
        const second = harness.service();
        await second.restore();
        expect(await second.wait(id)).toMatchObject({ state: "completed", error: null });
        expect(harness.hub.dataBytes(firstSession)).toBeGreaterThan(0);
        expect(await hashFile(harness.installedPath)).toBe(harness.file.sha256);
    });

    it("removes partial folders no job owns when the app starts", async () => {
        harness = await DownloadHarness.create({ bytes });
        const service = harness.service();
        const { mkdir, writeFile } = await import("node:fs/promises");
        await mkdir(`${harness.partialRoot}/orphan`, { recursive: true });
        await writeFile(`${harness.partialRoot}/orphan/left-by-a-crash.gguf.ipull`, "x");
        await service.restore();
        expect(await harness.partialFiles()).toEqual([]);
    });
});
