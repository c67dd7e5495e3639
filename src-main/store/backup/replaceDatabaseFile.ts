import fs from "node:fs";

/**
 * Puts a copy of `backupFile` in place of the closed database `file`. What was there is kept, with its
 * write-ahead log, as `<file>.replaced-<time>` (SQLite pairs a file with `<name>-wal`, so it still opens
 * with its last commits). Returns that name, or null when there was no database.
 */
export function replaceDatabaseFile(file: string, backupFile: string, now: number): string | null {
    const stamp = new Date(now).toISOString().replace(/[-:.]/g, "");
    const kept = `${file}.replaced-${stamp}`;
    const existed = fs.existsSync(file);
    if (existed) {
        fs.renameSync(file, kept);
        for (const extra of ["-wal", "-shm", "-journal"])
            if (fs.existsSync(`${file}${extra}`)) fs.renameSync(`${file}${extra}`, `${kept}${extra}`);
    }
    const temporary = `${file}.restoring`;
    fs.copyFileSync(backupFile, temporary);
    const handle = fs.openSync(temporary, "r+");
    try {
        fs.fsyncSync(handle);
    } finally {
        fs.closeSync(handle);
    }
    fs.renameSync(temporary, file);
    return existed ? kept : null;
}
