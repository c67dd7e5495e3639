import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AdapterInfo } from "../../../src-main/common/contract/personalizeTypes.js";
import type { EngineStatus } from "../../../src-main/common/contract/types.js";
import { BadModelFileError } from "../../../src-main/common/errors.js";
import type { EngineAdapter } from "../../../src-main/engine/EngineAdapter.js";
import { AdapterService, type AdapterEngine } from "../../../src-main/personalize/AdapterService.js";
import { AdapterRepository } from "../../../src-main/store/AdapterRepository.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** An engine with "base" loaded: it refuses adapters trained on another model unless told to wait for theirs. */
class FakeEngine implements AdapterEngine {
    readonly calls: Array<{ adapter: EngineAdapter | null; refuseOtherBase: boolean }> = [];
    applied: EngineAdapter | null = null;

    async setAdapter(adapter: EngineAdapter | null, options: { refuseOtherBase?: boolean } = {}): Promise<EngineStatus> {
        const refuseOtherBase = options.refuseOtherBase !== false;
        this.calls.push({ adapter, refuseOtherBase });
        const fits = adapter === null || adapter.baseModelName === "base";
        if (!fits && refuseOtherBase) throw new BadModelFileError(`"${adapter.name}" was trained on ${adapter.baseModelName}.`);
        this.applied = fits ? adapter : null;
        return { state: "ready", modelId: "m", loadProgress: 1, threads: 2, contextSize: 512, chatWrapper: null, error: null };
    }
}

function setup(): { service: AdapterService; engine: FakeEngine; repository: AdapterRepository; changes: AdapterInfo[][]; file: (name: string) => string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-adapter-service-"));
    dirs.push(dir);
    const repository = new AdapterRepository(openDatabase(path.join(dir, "locus.sqlite")));
    const engine = new FakeEngine();
    const changes: AdapterInfo[][] = [];
    return { service: new AdapterService(repository, engine, (list) => changes.push(list)), engine, repository, changes, file: (name) => path.join(dir, name) };
}

function add(repository: AdapterRepository, filePath: string, baseModelName = "base") {
    fs.writeFileSync(filePath, "adapter bytes");
    return repository.add({
        name: path.basename(filePath), filePath, baseModelId: null, baseModelName, baseModelFingerprint: `fp-${baseModelName}`,
        documents: [{ id: "d", name: "notes.md" }], budgetMinutes: 1, steps: 3, tokensTrained: 768, lossBefore: 8, lossAfter: 7.5, lossOn: "training", sizeBytes: 13
    });
}

describe("AdapterService", () => {
    it("activates an adapter for the loaded model, with its scale, and tells the renderer without its path", async () => {
        const { service, engine, repository, changes, file } = setup();
        const adapter = add(repository, file("a.gguf"));
        const list = await service.activate(adapter.id, 0.5);
        expect(engine.applied).toMatchObject({ id: adapter.id, filePath: file("a.gguf"), scale: 0.5 });
        expect(list).toEqual([expect.objectContaining({ id: adapter.id, active: true, scale: 0.5, documentNames: ["notes.md"], baseModelHash: "fp-base" })]);
        expect(JSON.stringify(changes)).not.toContain(file("a.gguf"));
        await service.setScale(adapter.id, 1.5);
        expect(engine.applied?.scale).toBe(1.5);
        await service.deactivate();
        expect(engine.applied).toBeNull();
        expect(repository.active()).toBeUndefined();
        expect(changes).toHaveLength(3);
    });

    it("refuses an adapter trained on another model: it stays inactive and the active one stays", async () => {
        const { service, repository, file } = setup();
        const mine = add(repository, file("mine.gguf"));
        const foreign = add(repository, file("foreign.gguf"), "other");
        await service.activate(mine.id);
        await expect(service.activate(foreign.id)).rejects.toThrow(/trained on other/);
        expect(repository.active()?.id).toBe(mine.id);
    });

    it("hands the active adapter to the engine at start, to apply whenever its base model is loaded", async () => {
        const { service, engine, repository, file } = setup();
        const foreign = add(repository, file("foreign.gguf"), "other");
        repository.activate(foreign.id, 1);
        await service.restore();
        expect(engine.calls.at(-1)).toMatchObject({ adapter: { id: foreign.id }, refuseOtherBase: false });
    });

    it("removes an adapter and its file, deactivating it first", async () => {
        const { service, engine, repository, file } = setup();
        const adapter = add(repository, file("a.gguf"));
        await service.activate(adapter.id);
        expect(await service.remove(adapter.id)).toEqual([]);
        expect(engine.applied).toBeNull();
        expect(fs.existsSync(file("a.gguf"))).toBe(false);
        await expect(service.remove(adapter.id)).rejects.toThrow(/no longer in the list/);
    });

    it("renames without touching the weights chat uses", async () => {
        const { service, engine, repository, file } = setup();
        const adapter = add(repository, file("a.gguf"));
        await service.activate(adapter.id);
        const list = await service.rename(adapter.id, "Handbook");
        expect(list[0]?.name).toBe("Handbook");
        expect(engine.applied).toMatchObject({ name: "Handbook", filePath: file("a.gguf"), scale: 1 });
    });
});
