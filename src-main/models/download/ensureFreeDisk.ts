import { NotEnoughDiskError } from "./errors/NotEnoughDiskError.js";

/** Free bytes on the volume holding a folder; null when they cannot be read. `readFreeDiskBytes` in production. */
export type FreeDiskBytes = (folder: string) => Promise<number | null>;

export type DiskNeed = {
    fileName: string;
    folder: string;
    /** Bytes still to download. */
    remainingBytes: number;
    /** Kept free on top, so the download does not leave the system with no room at all. */
    reserveBytes: number;
};

/**
 * Throws NotEnoughDiskError before a transfer starts when the volume cannot hold the rest of the file.
 * An unreadable free-space figure lets the download go ahead: the downloader reports a full disk itself.
 */
export async function ensureFreeDisk(need: DiskNeed, freeDiskBytes: FreeDiskBytes): Promise<void> {
    const free = await freeDiskBytes(need.folder);
    const needed = Math.max(0, need.remainingBytes) + need.reserveBytes;
    if (free != null && free < needed) throw new NotEnoughDiskError(need.fileName, need.folder, needed, free);
}
