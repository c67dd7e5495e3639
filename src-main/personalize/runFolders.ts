import fs from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "../workers/isProcessAlive.js";

/** A run's scratch folder is named after the process that owns it, so another Locus (the CLI) keeps its own. */
export function runFolderName(runId: string): string {
    return `${String(process.pid)}-${runId}`;
}

/**
 * Deletes the scratch folders of runs whose process is gone (killed or crashed before it could clean
 * up). Their checkpoints were never registered; finished adapters live outside, in the adapters folder.
 */
export async function removeStaleRunFolders(runsDir: string): Promise<string[]> {
    const removed: string[] = [];
    for (const entry of await fs.readdir(runsDir).catch(() => [] as string[])) {
        const pid = Number(/^(\d+)-/.exec(entry)?.[1]);
        if (!Number.isInteger(pid) || isProcessAlive(pid)) continue;
        await fs.rm(path.join(runsDir, entry), { recursive: true, force: true });
        removed.push(entry);
    }
    return removed;
}

