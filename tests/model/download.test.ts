import fs from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src-main/engine/Engine.js";
import { hashFile } from "../../src-main/models/download/hashFile.js";
import { ModelService } from "../../src-main/models/ModelService.js";
import { ModelRepository } from "../../src-main/store/ModelRepository.js";
import { DownloadHarness } from "../support/fakeHub/downloadHarness.js";
import { testCatalogId } from "../support/fakeHub/testCatalog.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

const engine = new Engine({ gpu: false, contextSize: 512 });
let tinyBytes: Buffer;
let harness: DownloadHarness;

beforeAll(async () => {
    tinyBytes = await fs.readFile(await ensureSyntheticModel("tiny-q8_0"));
});
afterEach(async () => {
    await harness.dispose();
});
afterAll(async () => {
    await engine.dispose();
});

describe("model download through the hub (synthetic model)", () => {
    it("downloads a GGUF, verifies it, passes the engine's header check, adds it to the model list, and it loads", async () => {
        harness = await DownloadHarness.create({ bytes: tinyBytes });
        const models = new ModelService(new ModelRepository(harness.db), engine, null);
        const service = harness.service({
            inspect: (filePath) => engine.inspect(filePath),
            register: async (filePath) => (await models.addFromPath(filePath)).id
        });

        const job = await service.wait((await service.start(testCatalogId, "Q8_0")).id);
        expect(job).toMatchObject({ state: "completed", error: null, totalBytes: tinyBytes.length });
        expect(await hashFile(harness.installedPath)).toBe(harness.file.sha256);
        expect(models.list().map((m) => [m.id, m.fileName])).toEqual([[job.modelId, harness.file.fileName]]);

        const status = await models.load(job.modelId!);
        expect(status).toMatchObject({ state: "ready", modelId: job.modelId });
        await models.unload();
    });

    it("removes a file whose hash matches but whose GGUF header the engine rejects", async () => {
        // The hub publishes a cut-off model: its hash is what the hub says, the header check still fails.
        harness = await DownloadHarness.create({ bytes: tinyBytes.subarray(0, Math.floor(tinyBytes.length / 2)) });
        const service = harness.service({ inspect: (filePath) => engine.inspect(filePath) });

        const job = await service.wait((await service.start(testCatalogId, "Q8_0")).id);
        expect(job.state).toBe("failed");
        expect(job.error?.reason).toBe("bad-model-file");
        expect(job.error?.message).toContain(harness.file.fileName);
        expect(await harness.modelFiles()).toEqual([]);
        expect(await harness.partialFiles()).toEqual([]);
    });
});
