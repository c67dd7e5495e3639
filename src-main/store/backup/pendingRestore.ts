import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const markerName = "restore.json";
const markerSchema = z.strictObject({ backupId: z.string().min(1).max(100) });

/** Asks the next start to replace the database with this backup (written atomically). */
export function stageRestore(backupsDir: string, backupId: string): void {
    fs.mkdirSync(backupsDir, { recursive: true });
    const marker = path.join(backupsDir, markerName);
    fs.writeFileSync(`${marker}.tmp`, JSON.stringify({ backupId }));
    fs.renameSync(`${marker}.tmp`, marker);
}

/** The backup a restore was staged for, or null; a marker that cannot be read is dropped and reported. */
export function stagedRestore(backupsDir: string): string | null {
    const marker = path.join(backupsDir, markerName);
    if (!fs.existsSync(marker)) return null;
    try {
        return markerSchema.parse(JSON.parse(fs.readFileSync(marker, "utf8"))).backupId;
    } catch (error) {
        console.error(`Locus: ignoring an unreadable restore request (${error instanceof Error ? error.message : String(error)}).`);
        clearStagedRestore(backupsDir);
        return null;
    }
}

export function clearStagedRestore(backupsDir: string): void {
    fs.rmSync(path.join(backupsDir, markerName), { force: true });
}
