import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultSettings } from "../../../src-main/common/contract/settingsTypes.js";
import { SettingsRepository } from "../../../src-main/settings/SettingsRepository.js";
import { SettingsService } from "../../../src-main/settings/SettingsService.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function dbFile(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-settings-"));
    dirs.push(dir);
    return path.join(dir, "locus.sqlite");
}

describe("settings", () => {
    it("start from sensible defaults and survive a restart", () => {
        const file = dbFile();
        const service = new SettingsService(new SettingsRepository(openDatabase(file)), () => "embedding");
        expect(service.get()).toEqual(defaultSettings);
        service.update({ contextSize: 8192, threads: 2, embeddingModelId: "m1", setupDone: true });
        const reopened = new SettingsService(new SettingsRepository(openDatabase(file)), () => "embedding");
        expect(reopened.get()).toMatchObject({ contextSize: 8192, threads: 2, embeddingModelId: "m1", setupDone: true, learningMethod: "rag" });
    });

    it("refuse a model id that is not in the model list, or a model of the wrong kind, changing nothing", () => {
        const roles = { known: "embedding", chatty: "chat" } as const;
        const service = new SettingsService(new SettingsRepository(openDatabase(dbFile())), (id) => roles[id as keyof typeof roles]);
        expect(() => service.update({ embeddingModelId: "gone", contextSize: 2048 })).toThrow(/no longer in the list/);
        expect(service.get().contextSize).toBe(defaultSettings.contextSize);
        expect(() => service.update({ embeddingModelId: "chatty" })).toThrow(/a chat model; indexing documents needs an embedding model/);
        expect(service.update({ embeddingModelId: "known" }).embeddingModelId).toBe("known");
    });

    it("tell listeners about every change", () => {
        const service = new SettingsService(new SettingsRepository(openDatabase(dbFile())), () => "embedding");
        const seen: number[] = [];
        service.onChange((s) => seen.push(s.contextSize));
        service.update({ contextSize: 1024 });
        service.update({ contextSize: 2048 });
        expect(seen).toEqual([1024, 2048]);
    });
});
