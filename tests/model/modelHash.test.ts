import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src-main/engine/Engine.js";
import { ModelService } from "../../src-main/models/ModelService.js";
import { migrate } from "../../src-main/store/migrate.js";
import { migrations } from "../../src-main/store/migrations/index.js";
import { ModelRepository } from "../../src-main/store/ModelRepository.js";
import { DownloadHarness } from "../support/fakeHub/downloadHarness.js";
import { testCatalogId } from "../support/fakeHub/testCatalog.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

const engine = new Engine({ gpu: false, contextSize: 512 });
let tiny = "";
let tinySha256 = "";
let dir = "";

beforeAll(async () => {
    tiny = await ensureSyntheticModel("tiny-q8_0");
    tinySha256 = createHash("sha256").update(await fs.readFile(tiny)).digest("hex");
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "locus-model-hash-"));
});
afterAll(async () => {
    await engine.dispose();
    await fs.rm(dir, { recursive: true, force: true });
});

function freshService(): { service: ModelService; repository: ModelRepository } {
    const db = new BetterSqlite3(":memory:");
    migrate(db, migrations);
    const repository = new ModelRepository(db);
    return { service: new ModelService(repository, engine, null), repository };
}

describe("a model's SHA-256 is recorded when it is added", () => {
    it("an imported GGUF is hashed, and the hash is listed and kept with the model", async () => {
        const { service, repository } = freshService();
        const added = await service.addFromPath(tiny);
        expect(added).toMatchObject({ sha256: tinySha256, sha256Source: "computed" });
        expect(service.list()).toEqual([added]);
        expect(repository.get(added.id)).toMatchObject({ sha256: tinySha256, path: tiny });
    });

    it("adding a file again after it changed records the new hash", async () => {
        const { service } = freshService();
        const copy = path.join(dir, "copy.gguf");
        await fs.copyFile(tiny, copy);
        const first = await service.addFromPath(copy);
        // Bytes past the tensor data do not stop the file from loading, but they change its hash.
        await fs.appendFile(copy, Buffer.from("appended"));
        const second = await service.addFromPath(copy);
        expect(second.id).toBe(first.id);
        expect(second.sha256).toBe(createHash("sha256").update(await fs.readFile(copy)).digest("hex"));
        expect(second.sha256).not.toBe(first.sha256);
    });

    it("a downloaded model keeps the hash its download was verified against, with where that hash came from", async () => {
        const harness = await DownloadHarness.create({ bytes: await fs.readFile(tiny) });
        try {
            // The same database: a finished download refers to its model's row.
            const models = new ModelService(new ModelRepository(harness.db), engine, null);
            const downloads = harness.service({
                inspect: (filePath) => engine.inspect(filePath),
                register: async (filePath, verified) => (await models.addFromPath(filePath, verified)).id
            });
            const job = await downloads.wait((await downloads.start(testCatalogId, "Q8_0")).id);
            expect(job).toMatchObject({ state: "completed", error: null });
            expect(models.list()).toEqual([expect.objectContaining({ id: job.modelId, sha256: tinySha256, sha256Source: "catalog" })]);
        } finally {
            await harness.dispose();
        }
    });
});
