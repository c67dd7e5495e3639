import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeStaleRunFolders, runFolderName } from "../../../src-main/personalize/runFolders.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("run scratch folders", () => {
    it("removes the folders of runs whose process is gone, and spares live ones and other files", async () => {
        const runs = fs.mkdtempSync(path.join(os.tmpdir(), "locus-runs-"));
        dirs.push(runs);
        const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
        const dead = `${String(deadPid)}-old-run`;
        const mine = runFolderName("current-run");
        const parent = `${String(process.ppid)}-other-locus`;
        for (const name of [dead, mine, parent, "notes"]) fs.mkdirSync(path.join(runs, name));
        fs.writeFileSync(path.join(runs, dead, "adapter.step3.0badcafe.gguf"), "checkpoint");

        expect(await removeStaleRunFolders(runs)).toEqual([dead]);
        expect(fs.readdirSync(runs).sort()).toEqual([mine, parent, "notes"].sort());
        expect(await removeStaleRunFolders(path.join(runs, "missing"))).toEqual([]);
    });
});
