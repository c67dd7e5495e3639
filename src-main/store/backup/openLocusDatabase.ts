import fs from "node:fs";
import path from "node:path";
import type { Database } from "better-sqlite3";
import { migrate } from "../migrate.js";
import { migrations } from "../migrations/index.js";
import { openConnection } from "../openConnection.js";
import { BackupStore } from "./BackupStore.js";
import { DatabaseDamagedError } from "./DatabaseDamagedError.js";
import { clearStagedRestore, stagedRestore } from "./pendingRestore.js";
import { describeSqliteError, readDatabaseProblem } from "./readDatabaseProblem.js";
import { replaceDatabaseFile } from "./replaceDatabaseFile.js";

export type OpenLocusDatabaseOptions = {
    dataDir: string;
    /** Start from this backup ("latest": the newest good one), keeping the current file beside it. */
    restoreBackup?: string;
    /** How many backups are kept (default 5). */
    keepBackups?: number;
    now?: () => number;
};

export type LocusDatabase = {
    db: Database;
    backups: BackupStore;
    /** The file the database was restored over, kept as it was; null when nothing was restored. */
    restored: { backupId: string; replacedFile: string | null } | null;
};

/** SQLite's codes for a file that is not, or no longer, a readable database. */
const damageCodes = /^SQLITE_(CORRUPT|NOTADB|CANTOPEN|IOERR)/;

/**
 * Opens the library database of a data folder as the hosts do: first a restore staged in Settings (or asked
 * for at start), then SQLite's check of every page, a backup before any migration changes the schema, and
 * the migrations. A file that cannot be read throws DatabaseDamagedError, naming the latest good backup.
 */
export async function openLocusDatabase(options: OpenLocusDatabaseOptions): Promise<LocusDatabase> {
    const now = options.now ?? Date.now;
    const file = path.join(options.dataDir, "locus.sqlite");
    const backups = new BackupStore({ dir: path.join(options.dataDir, "backups"), now, ...(options.keepBackups ? { keep: options.keepBackups } : {}) });

    let restored: LocusDatabase["restored"] = null;
    const wanted = options.restoreBackup ?? stagedRestore(backups.dir);
    if (wanted != null) {
        const backup = wanted === "latest" ? backups.latestGood() : backups.get(wanted);
        if (backup === null) throw new DatabaseDamagedError(file, "no backup to restore was found", null);
        const problem = readDatabaseProblem(backups.file(backup.id));
        if (problem !== null) throw new Error(`The backup ${backup.id} cannot be restored: ${problem}. Choose another one.`);
        restored = { backupId: backup.id, replacedFile: replaceDatabaseFile(file, backups.file(backup.id), now()) };
        clearStagedRestore(backups.dir);
    }

    const existed = fs.existsSync(file);
    let db: Database;
    try {
        db = openConnection(file);
    } catch (error) {
        throw asDamage(error, file, backups);
    }
    try {
        // Opened read-write first, so a crash's write-ahead log is recovered before the pages are checked.
        const problem = existed ? pageProblem(db) : null;
        if (problem !== null) throw new DatabaseDamagedError(file, problem, backups.latestGood());
        const version = db.pragma("user_version", { simple: true }) as number;
        // A library about to change shape is copied first: a failed or regretted upgrade can be undone.
        if (version > 0 && version < (migrations.at(-1)?.version ?? 0)) await backups.create(db, "migration");
        migrate(db, migrations);
        return { db, backups, restored };
    } catch (error) {
        db.close();
        throw asDamage(error, file, backups);
    }
}

/** SQLite's check of every page and index of the file (`PRAGMA quick_check`); null when it passes. */
function pageProblem(db: Database): string | null {
    const rows = db.pragma("quick_check(5)") as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== "ok");
    return problems.length === 0 ? null : `SQLite's check found damage (${problems.join("; ")})`;
}

function asDamage(error: unknown, file: string, backups: BackupStore): unknown {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof DatabaseDamagedError) return error;
    return typeof code === "string" && damageCodes.test(code) ? new DatabaseDamagedError(file, describeSqliteError(error), backups.latestGood()) : error;
}
