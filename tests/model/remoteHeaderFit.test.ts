import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HardwareProbe } from "../../src-main/hardware/HardwareProbe.js";
import { simulatedMachines } from "../../src-main/hardware/simulatedMachines.js";
import type { Catalog } from "../../src-main/models/catalogSchema.js";
import { RemoteHeaderCache } from "../../src-main/models/remoteHeader/RemoteHeaderCache.js";
import { estimateFitFromGguf } from "../../src-main/recommend/fit/estimateFitFromGguf.js";
import { SetupService } from "../../src-main/setup/SetupService.js";
import { FakeHub } from "../support/fakeHub/FakeHub.js";
import type { HubFile } from "../support/fakeHub/fakeHubTypes.js";
import { testCatalog, testCatalogId } from "../support/fakeHub/testCatalog.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

const hardware = simulatedMachines.laptop8GbCpu;
let tiny = "";
let hub: FakeHub;
let file: HubFile;
let catalog: Catalog;
let cacheDir = "";

beforeAll(async () => {
    tiny = await ensureSyntheticModel("tiny-q8_0");
    hub = await new FakeHub().start();
    file = hub.addFile({ repository: "test-org/Test-Model-GGUF", revision: "a".repeat(40), fileName: "test-model-Q8_0.gguf", bytes: await fs.readFile(tiny) });
    // The catalog's metadata says 7 GB, too large for an 8 GB laptop; the file on the hub is the tiny model.
    catalog = testCatalog(file, { sizeBytes: 7_000_000_000, sizeExact: false });
});
beforeEach(async () => {
    hub.heal();
    cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), "locus-headers-"));
});
afterAll(async () => {
    await hub.stop();
});

function setupWith(headers: RemoteHeaderCache): SetupService {
    const probe = new HardwareProbe({ modelsDir: "/nonexistent", override: hardware });
    return new SetupService(probe, () => catalog, () => null, () => 0, { headers });
}

const headers = (options: { timeoutMs?: number } = {}) => new RemoteHeaderCache({ cacheDir, endpoint: hub.endpoint, ...options });

describe("fit from the GGUF header on the hub", () => {
    it("reads only the header of the served file and fits from it, not from the catalog's metadata", async () => {
        const since = hub.requests.length;
        const fit = await setupWith(headers()).fit(testCatalogId, "Q8_0", 2048, true);
        expect(fit).toMatchObject({ method: "gguf-insights", headerSource: "hub", label: "fits in memory" });
        const local = await estimateFitFromGguf({ modelId: testCatalogId, quant: "Q8_0", ggufPath: tiny, contextSize: 2048, hardware });
        expect({ ram: fit.ramBytes, disk: fit.diskBytes }).toEqual({ ram: local.ramBytes, disk: local.diskBytes });
        // The weights were never fetched: fewer bytes went out than the file holds.
        expect(hub.dataBytes(since)).toBeGreaterThan(0);
        expect(hub.dataBytes(since)).toBeLessThan(file.size);
    });

    it("uses the catalog's metadata when the hub cannot be reached, and says so", async () => {
        hub.setFaults({ offline: true });
        const fit = await setupWith(headers()).fit(testCatalogId, "Q8_0", 2048, true);
        expect(fit.method).toBe("catalog-estimate");
        expect(fit.headerSource).toBeUndefined();
        expect(fit.label).toBe("too large for this computer");
    });

    it("gives up on a hub that stops sending within the timeout and falls back to the catalog", async () => {
        hub.setFaults({ stallAtOffset: 1024 });
        const started = performance.now();
        const fit = await setupWith(headers({ timeoutMs: 500 })).fit(testCatalogId, "Q8_0", 2048, true);
        expect(fit.method).toBe("catalog-estimate");
        expect(performance.now() - started).toBeLessThan(10_000);
    });

    it("after a failed read, does not ask the hub again for that file until a while has passed", async () => {
        let now = 1_000_000;
        const cache = new RemoteHeaderCache({ cacheDir, endpoint: hub.endpoint, retryAfterMs: 60_000, now: () => now });
        const [entry] = catalog.models;
        const quant = entry?.quants[0];
        if (entry === undefined || quant === undefined) throw new Error("test catalog is empty");
        hub.setFaults({ offline: true });
        expect(await cache.headerFor(entry, quant)).toBeNull();
        hub.heal();
        const since = hub.requests.length;
        expect(await cache.headerFor(entry, quant)).toBeNull();
        expect(hub.requests.length).toBe(since);
        now += 60_001;
        const header = await cache.headerFor(entry, quant);
        expect(header).not.toBeNull();
        // The cached file is the header alone: the weights after it were never fetched.
        expect((await fs.stat(header!)).size).toBeLessThan(file.size);
        expect((await fs.readFile(header!)).subarray(0, 4).toString("latin1")).toBe("GGUF");
    });

    it("keeps a header read once on disk: after a restart it is used offline, without the person asking again", async () => {
        await setupWith(headers()).fit(testCatalogId, "Q8_0", 2048, true);
        hub.setFaults({ offline: true });
        const since = hub.requests.length;
        const fit = await setupWith(headers()).fit(testCatalogId, "Q8_0", 4096);
        // The header's training context (4096) counts, not the catalog's 2048.
        expect(fit).toMatchObject({ method: "gguf-insights", headerSource: "hub", contextSize: 4096 });
        expect(hub.requests.length).toBe(since);
    });

    it("listing the catalog never waits on the hub: it shows the header's fit once one was worked out, else the catalog's", async () => {
        const setup = setupWith(headers());
        const since = hub.requests.length;
        const listing = await setup.listCatalog(2048);
        expect(hub.requests.length).toBe(since);
        expect(listing[0]?.quants[0]?.fit.method).toBe("catalog-estimate");
        await setup.fit(testCatalogId, "Q8_0", 2048, true);
        const after = await setup.listCatalog(2048);
        expect(after[0]?.quants[0]?.fit).toMatchObject({ method: "gguf-insights", headerSource: "hub" });
    });

    it("never asks the hub for a header the person did not ask for: the fit is the catalog's until they do", async () => {
        const setup = setupWith(headers());
        const since = hub.requests.length;
        expect((await setup.fit(testCatalogId, "Q8_0", 2048)).method).toBe("catalog-estimate");
        expect(hub.requests.length).toBe(since);
        expect(await setup.fit(testCatalogId, "Q8_0", 2048, true)).toMatchObject({ method: "gguf-insights", headerSource: "hub" });
        expect(hub.requests.length).toBeGreaterThan(since);
    });
});
