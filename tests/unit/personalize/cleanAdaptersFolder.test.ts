import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanAdaptersFolder } from "../../../src-main/personalize/cleanAdaptersFolder.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("the adapters folder at start", () => {
    it("loses the scratch folders of killed runs and adapter files no registry row names, keeping registered adapters and the trainer's own files", async () => {
        const adapters = fs.mkdtempSync(path.join(os.tmpdir(), "locus-adapters-"));
        dirs.push(adapters);
        const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
        const runs = path.join(adapters, ".runs");
        fs.mkdirSync(path.join(runs, `${String(deadPid)}-killed-run`), { recursive: true });
        fs.writeFileSync(path.join(runs, `${String(deadPid)}-killed-run`, "adapter.step2.0badcafe.gguf"), "checkpoint");
        const registered = path.join(adapters, "3f2a.gguf");
        const unregistered = path.join(adapters, "9c1b.gguf");
        const trainerTemp = path.join(adapters, `.adapter.gguf.partial-${String(process.pid)}-1`);
        for (const file of [registered, unregistered, trainerTemp]) fs.writeFileSync(file, "weights");

        expect((await cleanAdaptersFolder(adapters, new Set([registered]))).sort()).toEqual([path.join(".runs", `${String(deadPid)}-killed-run`), "9c1b.gguf"].sort());
        expect(fs.readdirSync(adapters).sort()).toEqual([".runs", path.basename(trainerTemp), "3f2a.gguf"].sort());
        expect(fs.readdirSync(runs)).toEqual([]);
        expect(await cleanAdaptersFolder(path.join(adapters, "missing"), new Set())).toEqual([]);
    });
});
