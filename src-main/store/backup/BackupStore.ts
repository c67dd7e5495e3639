import fs from "node:fs";
import path from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import type { BackupInfo, BackupReason } from "@common/contract/backupTypes.js";
import { NotFoundError } from "@common/errors.js";
import { backupId, parseBackupId } from "./backupId.js";
import { readDatabaseProblem } from "./readDatabaseProblem.js";

export type BackupStoreOptions = {
    /** The folder the backups live in (the data folder's `backups/`). */
    dir: string;
    /** How many backups are kept; the oldest beyond it are deleted after each new one (default 5). */
    keep?: number;
    now?: () => number;
};

const suffix = ".sqlite";
const partial = ".partial";

/**
 * The copies of the library database in the data folder. A copy is made with SQLite's online backup
 * (pages copied in steps while Locus keeps working), written under a temporary name and renamed, so a
 * crash never leaves half a backup in the list.
 */
export class BackupStore {
    readonly dir: string;
    readonly #keep: number;
    readonly #now: () => number;

    constructor(options: BackupStoreOptions) {
        this.dir = options.dir;
        this.#keep = Math.max(1, options.keep ?? 5);
        this.#now = options.now ?? Date.now;
    }

    /** Newest first. */
    list(): BackupInfo[] {
        let names: string[];
        try {
            names = fs.readdirSync(this.dir);
        } catch {
            return [];
        }
        const backups: BackupInfo[] = [];
        for (const name of names) {
            if (!name.endsWith(suffix)) continue;
            const id = name.slice(0, -suffix.length);
            const parsed = parseBackupId(id);
            if (parsed === null) continue;
            try {
                backups.push({ id, ...parsed, sizeBytes: fs.statSync(path.join(this.dir, name)).size });
            } catch {
                // Deleted meanwhile: not a backup any more.
            }
        }
        return backups.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    }

    get(id: string): BackupInfo {
        const found = this.list().find((backup) => backup.id === id);
        if (found === undefined) throw new NotFoundError("That backup is no longer in the data folder's backups. Choose another one.");
        return found;
    }

    /** The file of a listed backup; ids come from `list`, so no other path can be named. */
    file(id: string): string {
        return path.join(this.dir, `${this.get(id).id}${suffix}`);
    }

    /** The newest backup that opens and passes SQLite's check; null when there is none. */
    latestGood(): BackupInfo | null {
        return this.list().find((backup) => readDatabaseProblem(path.join(this.dir, `${backup.id}${suffix}`)) === null) ?? null;
    }

    /** Copies `db` with SQLite's online backup; then keeps the newest few (and any in `protect`). */
    async create(db: Database, reason: BackupReason, protect: ReadonlySet<string> = new Set()): Promise<BackupInfo> {
        fs.mkdirSync(this.dir, { recursive: true });
        this.#removePartials();
        let createdAt = this.#now();
        // Two backups in the same millisecond: the later one moves on, so none replaces another.
        while (fs.existsSync(path.join(this.dir, `${backupId(createdAt, reason)}${suffix}`))) createdAt += 1;
        const id = backupId(createdAt, reason);
        const target = path.join(this.dir, `${id}${suffix}`);
        const temporary = `${target}${partial}`;
        try {
            await db.backup(temporary);
            // A backup is a single self-contained file: no -wal beside it, so it opens read-only anywhere.
            const copy = new BetterSqlite3(temporary);
            try {
                copy.pragma("journal_mode = DELETE");
            } finally {
                copy.close();
            }
            fs.renameSync(temporary, target);
        } catch (error) {
            fs.rmSync(temporary, { force: true });
            fs.rmSync(`${temporary}-journal`, { force: true });
            throw error;
        }
        this.#prune(new Set([...protect, id]));
        return { id, createdAt, reason, sizeBytes: fs.statSync(target).size };
    }

    #prune(protect: ReadonlySet<string>): void {
        const excess = this.list().filter((backup) => !protect.has(backup.id)).slice(Math.max(0, this.#keep - protect.size));
        for (const backup of excess) fs.rmSync(path.join(this.dir, `${backup.id}${suffix}`), { force: true });
    }

    /** A backup a crash cut short is no backup: its temporary file goes. */
    #removePartials(): void {
        for (const name of fs.readdirSync(this.dir))
            if (name.endsWith(`${suffix}${partial}`) || name.endsWith(`${suffix}${partial}-journal`)) fs.rmSync(path.join(this.dir, name), { force: true });
    }
}
