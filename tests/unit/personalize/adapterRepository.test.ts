import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AdapterRepository, type NewAdapter } from "../../../src-main/store/AdapterRepository.js";
import { ModelRepository } from "../../../src-main/store/ModelRepository.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function open(): { file: string; adapters: AdapterRepository; models: ModelRepository } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-adapters-"));
    dirs.push(dir);
    const file = path.join(dir, "locus.sqlite");
    const db = openDatabase(file);
    return { file, adapters: new AdapterRepository(db), models: new ModelRepository(db) };
}

function adapter(models: ModelRepository, patch: Partial<NewAdapter> = {}): NewAdapter {
    const model = models.add({ path: "/models/base.gguf", fileName: "base.gguf", displayName: "Base", architecture: "llama", sizeBytes: 1e9, role: "chat" });
    return {
        name: "Handbook", filePath: `/data/adapters/${String(Math.random())}.gguf`, baseModelId: model.id, baseModelName: "Base",
        baseModelFingerprint: "locus-model-fingerprint-v1:abc", documents: [{ id: "d1", name: "handbook.pdf" }, { id: "d2", name: "notes.md" }],
        budgetMinutes: 5, steps: 40, tokensTrained: 20_480, lossBefore: 7.9, lossAfter: 7.2, lossOn: "held-out", sizeBytes: 4_000_000, ...patch
    };
}

describe("AdapterRepository (migration 8)", () => {
    it("keeps an adapter with everything the registry shows across a reopen", () => {
        const { file, adapters, models } = open();
        const added = adapters.add(adapter(models, { createdAt: 1_700_000_000_000 }));
        const reopened = new AdapterRepository(openDatabase(file));
        expect(reopened.get(added.id)).toEqual({ ...adapter(models), filePath: added.filePath, baseModelId: added.baseModelId, id: added.id, createdAt: 1_700_000_000_000, active: false, scale: 1 });
        expect(reopened.list().map((item) => item.id)).toEqual([added.id]);
    });

    it("keeps one adapter active at most, with its scale", () => {
        const { adapters, models } = open();
        const a = adapters.add(adapter(models));
        const b = adapters.add(adapter(models));
        expect(adapters.activate(a.id, 0.5)).toBe(true);
        expect(adapters.activate(b.id, 1.5)).toBe(true);
        expect(adapters.list().filter((item) => item.active).map((item) => [item.id, item.scale])).toEqual([[b.id, 1.5]]);
        expect(adapters.active()?.id).toBe(b.id);
        // An unknown id changes nothing.
        expect(adapters.activate("missing", 1)).toBe(false);
        expect(adapters.active()?.id).toBe(b.id);
        adapters.deactivateAll();
        expect(adapters.active()).toBeUndefined();
    });

    it("renames, rescales and removes; refuses a scale outside 0..2", () => {
        const { adapters, models } = open();
        const a = adapters.add(adapter(models));
        expect(adapters.rename(a.id, "Renamed")).toBe(true);
        expect(adapters.setScale(a.id, 2)).toBe(true);
        expect(adapters.get(a.id)).toMatchObject({ name: "Renamed", scale: 2 });
        expect(() => adapters.setScale(a.id, 3)).toThrow(/CHECK constraint/);
        expect(adapters.remove(a.id)).toBe(true);
        expect(adapters.get(a.id)).toBeUndefined();
        expect(adapters.remove(a.id)).toBe(false);
    });

    it("keeps the adapter when its base model leaves the list, naming the model it was made for", () => {
        const { adapters, models } = open();
        const a = adapters.add(adapter(models));
        expect(models.remove(a.baseModelId ?? "")).toBe(true);
        expect(adapters.get(a.id)).toMatchObject({ baseModelId: null, baseModelName: "Base", baseModelFingerprint: "locus-model-fingerprint-v1:abc" });
    });
});
