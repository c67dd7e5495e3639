import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanAdvisorFolders } from "../../../src-main/advisor/cleanAdvisorFolders.js";
import { partialFilePath } from "../../../src-main/trainer/adapter/adapterFiles.js";

let dir = "";
beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "locus-advisor-clean-"));
});
afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
});

/** A pid that is not running: above the kernel's default pid_max. */
const deadPid = 4_194_400;

async function write(relative: string): Promise<void> {
    await fs.mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await fs.writeFile(path.join(dir, relative), "x");
}

async function filesUnder(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

describe("cleanAdvisorFolders", () => {
    it("removes folders of runs no longer listed and partial writes of killed runs, keeping every finished file", async () => {
        const kept = [
            "run-a/variants/tiny.Q4_0.gguf",
            "run-a/adapters/m-Q4_0-100/t60.step12.0a1b2c3d.gguf",
            // A run of this very process is still writing these.
            `run-a/variants/.tiny.Q2_K.gguf.partial-${String(process.pid)}-3`
        ];
        const leftovers = [
            `run-a/variants/.tiny.Q3_K_M.gguf.partial-${String(deadPid)}-0`,
            `run-a/adapters/m-Q4_0-100/.t120.step20.0a1b2c3d.gguf.partial-${String(deadPid)}-1`,
            `run-a/adapters/m-Q4_0-100/.t120.initial-${String(deadPid)}-0a1b2c3d.gguf`
        ];
        for (const file of [...kept, ...leftovers, "forgotten/variants/tiny.Q4_0.gguf"]) await write(file);
        const removed = await cleanAdvisorFolders(dir, (runId) => runId === "run-a");
        expect(removed.sort()).toEqual(["forgotten", ...leftovers].sort());
        expect(await filesUnder(dir)).toEqual([...kept].sort());
    });

    it("asks whether a run is listed when it gets to its folder, so a run started meanwhile keeps its folder", async () => {
        await write("new-run/variants/tiny.Q4_0.gguf");
        const listed = new Set<string>();
        const cleaning = cleanAdvisorFolders(dir, (runId) => listed.has(runId));
        listed.add("new-run");
        await cleaning;
        expect(await filesUnder(dir)).toEqual(["new-run/variants/tiny.Q4_0.gguf"]);
    });

    it("names a partial copy as the trainer's partial writes, hidden beside the final file", () => {
        const partial = partialFilePath("/data/advisor/run-a/variants/tiny.Q4_0.gguf");
        expect(path.dirname(partial)).toBe("/data/advisor/run-a/variants");
        expect(path.basename(partial)).toMatch(new RegExp(`^\\.tiny\\.Q4_0\\.gguf\\.partial-${String(process.pid)}-\\d+$`));
        expect(partialFilePath("/x/a.gguf")).not.toBe(partialFilePath("/x/a.gguf"));
    });

    it("does nothing when the Advisor has never run", async () => {
        expect(await cleanAdvisorFolders(path.join(dir, "missing"), () => false)).toEqual([]);
    });
});
