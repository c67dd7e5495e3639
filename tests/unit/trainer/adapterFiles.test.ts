import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adapterMetadata, adapterMetadataKeys } from "../../../src-main/trainer/adapter/adapterMetadata.js";
import { checkpointFilePath, initialAdapterPath, removeLeftoverFiles } from "../../../src-main/trainer/adapter/adapterFiles.js";
import { fingerprintModelFile } from "../../../src-main/trainer/adapter/fingerprintModelFile.js";

let dir = "";
beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "locus-adapter-files-"));
});
afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
});

/** A pid that is not running: above the kernel's default pid_max. */
const deadPid = 4_194_400;

describe("adapter files", () => {
    it("gives every checkpoint a new visible name and keeps scratch files hidden", () => {
        const first = checkpointFilePath(dir, "notes", 3);
        expect(path.basename(first)).toMatch(/^notes\.step3\.[0-9a-f]{8}\.gguf$/);
        expect(checkpointFilePath(dir, "notes", 3)).not.toBe(first);
        expect(path.basename(initialAdapterPath(dir, "notes"))).toMatch(new RegExp(`^\\.notes\\.initial-${String(process.pid)}-[0-9a-f]{8}\\.gguf$`));
    });

    it("removes what killed runs left behind, never complete adapters or files of live runs", async () => {
        const files = {
            complete: "notes.step4.0a1b2c3d.gguf",
            deadPartial: `.notes.step4.0a1b2c3d.gguf.partial-${String(deadPid)}-0`,
            livePartial: `.notes.step5.0a1b2c3d.gguf.partial-${String(process.pid)}-1`,
            deadInitial: `.notes.initial-${String(deadPid)}-0a1b2c3d.gguf`,
            deadPadding: `.locus-graph-padding-${String(deadPid)}-0.gguf`,
            unrelated: ".DS_Store"
        };
        for (const file of Object.values(files)) await fs.writeFile(path.join(dir, file), "x");
        const removed = await removeLeftoverFiles(dir);
        expect(removed.sort()).toEqual([files.deadInitial, files.deadPadding, files.deadPartial].sort());
        expect((await fs.readdir(dir)).sort()).toEqual([files.complete, files.livePartial, files.unrelated].sort());
        expect(await removeLeftoverFiles(path.join(dir, "missing"))).toEqual([]);
    });
});

describe("fingerprintModelFile", () => {
    it("is stable for a file and changes when any sampled part of the weights changes", async () => {
        const bytes = Buffer.alloc(20 * 1024 * 1024, 7);
        const file = path.join(dir, "model.gguf");
        await fs.writeFile(file, bytes);
        const original = await fingerprintModelFile(file);
        expect(original).toMatch(/^locus-model-fingerprint-v1:[0-9a-f]{64}$/);
        expect(await fingerprintModelFile(file)).toBe(original);
        bytes[bytes.length - 10] = 8; // in the last MiB
        await fs.writeFile(file, bytes);
        expect(await fingerprintModelFile(file)).not.toBe(original);
        await fs.writeFile(file, bytes.subarray(0, bytes.length - 1));
        expect(await fingerprintModelFile(file)).not.toBe(original);
    });
});

describe("adapterMetadata", () => {
    it("records the base model's identity, the adapter's shape and the checkpoint", () => {
        const metadata = adapterMetadata(
            { fingerprint: "fp", fileName: "base.gguf", fileSize: 123 },
            { targets: ["attn_q", "attn_v"], rank: 8, lastLayers: 4 },
            { step: 12, validationLoss: 2.5 }
        );
        expect(metadata).toMatchObject({
            [adapterMetadataKeys.baseFingerprint]: "fp",
            [adapterMetadataKeys.baseFileSize]: "123",
            [adapterMetadataKeys.targets]: "attn_q,attn_v",
            [adapterMetadataKeys.step]: "12",
            [adapterMetadataKeys.validationLoss]: "2.500000"
        });
        expect(Object.values(metadata).every((value) => typeof value === "string")).toBe(true);
    });
});
