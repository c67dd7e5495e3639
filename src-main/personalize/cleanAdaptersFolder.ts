import fs from "node:fs/promises";
import path from "node:path";
import { removeStaleRunFolders } from "./runFolders.js";

/**
 * Called once at start: deletes what a crash or kill of an earlier Locus left in the adapters folder. The
 * scratch folders of runs whose process is gone (their checkpoints were never registered), and adapter
 * files the registry does not list (a kill between moving a finished adapter in and registering it):
 * nothing a person can see or use, taking up disk. Returns the names removed.
 */
export async function cleanAdaptersFolder(adaptersDir: string, registered: ReadonlySet<string>): Promise<string[]> {
    const removed = (await removeStaleRunFolders(path.join(adaptersDir, ".runs"))).map((name) => path.join(".runs", name));
    for (const name of await fs.readdir(adaptersDir).catch(() => [] as string[])) {
        const file = path.join(adaptersDir, name);
        // Hidden files are the trainer's own (cleaned per run by pid); only finished adapters are named <uuid>.gguf.
        if (name.startsWith(".") || !name.endsWith(".gguf") || registered.has(file)) continue;
        if (!(await fs.stat(file)).isFile()) continue;
        await fs.rm(file, { force: true });
        removed.push(name);
    }
    return removed;
}
