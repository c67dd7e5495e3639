import fs from "node:fs/promises";
import path from "node:path";
import { removeLeftoverFiles } from "../trainer/adapter/adapterFiles.js";

/**
 * Called once at start: deletes what a crash or kill of an earlier Locus left in `<dataDir>/advisor`.
 * Folders of runs no longer listed (a kill between forgetting a run and deleting its folder), and in the
 * listed runs' folders the partial files of interrupted writes (lower-bit copies, adapters), which no run
 * can use and which can be as large as a model. `isListed` is asked at deletion time, so a run started
 * meanwhile (listed before its folder is made) is never touched. Returns the paths removed, relative to
 * the advisor folder.
 */
export async function cleanAdvisorFolders(advisorDir: string, isListed: (runId: string) => boolean): Promise<string[]> {
    const removed: string[] = [];
    for (const entry of await fs.readdir(advisorDir, { withFileTypes: true }).catch(() => [])) {
        if (!entry.isDirectory()) continue;
        const runDir = path.join(advisorDir, entry.name);
        if (!isListed(entry.name)) {
            await fs.rm(runDir, { recursive: true, force: true });
            removed.push(entry.name);
            continue;
        }
        for (const dir of await foldersUnder(runDir))
            removed.push(...(await removeLeftoverFiles(dir)).map((file) => path.relative(advisorDir, path.join(dir, file))));
    }
    return removed;
}

async function foldersUnder(dir: string): Promise<string[]> {
    const folders = [dir];
    for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => []))
        if (entry.isDirectory()) folders.push(...(await foldersUnder(path.join(dir, entry.name))));
    return folders;
}
