import fs from "node:fs/promises";
import path from "node:path";

/**
 * Moves a verified file to its final name so that it appears whole or not at all: its data reaches
 * the disk first (fsync), then one rename publishes it, then the folder entry is made durable.
 * Both paths must be on the same volume (the job folders live inside the models folder for that).
 */
export async function installFile(fromPath: string, toPath: string): Promise<void> {
    const file = await fs.open(fromPath, "r+");
    try {
        await file.sync();
    } finally {
        await file.close();
    }
    await fs.rename(fromPath, toPath);
    await syncFolder(path.dirname(toPath));
}

async function syncFolder(folder: string): Promise<void> {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
    if (process.platform === "win32") return;
    const handle = await fs.open(folder, "r");
    try {
        await handle.sync();
    } finally {
        await handle.close();
    }
}
