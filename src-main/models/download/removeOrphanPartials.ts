import fs from "node:fs/promises";
import path from "node:path";

/**
 * Deletes job folders under `partialRoot` that no unfinished job owns: left by a crash between
 * deleting a job's row and its folder, or by a cancel racing the downloader's setup.
 */
export async function removeOrphanPartials(partialRoot: string, ownedJobIds: ReadonlySet<string>): Promise<void> {
    const folders = await fs.readdir(partialRoot).catch(() => [] as string[]);
    for (const folder of folders)
        if (!ownedJobIds.has(folder)) await fs.rm(path.join(partialRoot, folder), { recursive: true, force: true });
}
