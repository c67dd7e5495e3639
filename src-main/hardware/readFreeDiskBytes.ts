import { mkdir, statfs } from "node:fs/promises";

/** Free bytes available to this user on the volume holding `folder`; null when it cannot be read. */
export async function readFreeDiskBytes(folder: string): Promise<number | null> {
    try {
        // The models folder may not exist before the first download; its volume is what matters.
        await mkdir(folder, { recursive: true });
        const stats = await statfs(folder);
        return stats.bavail * stats.bsize;
    } catch {
        return null;
    }
}
