import fs from "node:fs";
import path from "node:path";
import type { DatabaseSnapshot } from "./readSnapshot.js";

/** A file that should not outlive the process that made it, once Locus has started again. */
export type Leftover = { key: string; what: string };

/** Names of temporary files anywhere in the data folder (SQLite's own -wal/-shm belong to the open database). */
const temporaryName = /(\.tmp($|[-.])|\.partial($|[-.])|\.part$|~$|\.ipull$|\.initial-\d+-)/;

/**
 * Everything in the data folder that a finished, crash-free Locus would not hold: model files in the
 * models folder that no model row names, partial download folders of no unfinished job, adapter files
 * the registry does not list, training scratch folders, Advisor folders of no listed run, and temporary
 * files anywhere (partial lower-bit copies and adapters of an interrupted Advisor run included).
 */
export function listLeftovers(dataDir: string, snapshot: DatabaseSnapshot): Leftover[] {
    const leftovers: Leftover[] = [];
    const modelsDir = path.join(dataDir, "models");
    for (const name of readDir(modelsDir)) {
        const file = path.join(modelsDir, name);
        if (name === ".partial" || !fs.statSync(file).isFile() || snapshot.modelPaths.has(file)) continue;
        leftovers.push({ key: `model:${name}`, what: `model file ${name} is in the models folder but in no model list` });
    }
    for (const job of readDir(path.join(modelsDir, ".partial")))
        if (!snapshot.unfinishedJobs.has(job)) leftovers.push({ key: `partial:${job}`, what: `partial download folder ${job} belongs to no unfinished download` });
    const adaptersDir = path.join(dataDir, "adapters");
    for (const name of readDir(adaptersDir)) {
        const file = path.join(adaptersDir, name);
        if (name === ".runs") continue;
        if (name.startsWith(".")) leftovers.push({ key: `adapter-temp:${name}`, what: `temporary adapter file ${name}` });
        else if (fs.statSync(file).isFile() && !snapshot.adapterPaths.has(file))
            leftovers.push({ key: `adapter:${name}`, what: `adapter file ${name} is in the adapters folder but not registered` });
    }
    for (const run of readDir(path.join(adaptersDir, ".runs"))) leftovers.push({ key: `run:${run}`, what: `training scratch folder .runs/${run}` });
    for (const run of readDir(path.join(dataDir, "advisor")))
        if (!snapshot.advisorRuns.has(run)) leftovers.push({ key: `advisor:${run}`, what: `Advisor folder ${run} of no listed run` });
    for (const file of walk(dataDir)) {
        const relative = path.relative(dataDir, file);
        if (relative.startsWith(`models${path.sep}.partial`) || relative.startsWith(`adapters${path.sep}`)) continue;
        if (temporaryName.test(path.basename(file))) leftovers.push({ key: `temp:${relative}`, what: `temporary file ${relative}` });
    }
    return leftovers;
}

function readDir(dir: string): string[] {
    try {
        return fs.readdirSync(dir);
    } catch {
        return [];
    }
}

function walk(dir: string): string[] {
    const files: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) files.push(...walk(full));
        else files.push(full);
    }
    return files;
}
