import type { Database } from "better-sqlite3";
import type { BackupInfo, BackupReason, RestoreOutcome } from "@common/contract/backupTypes.js";
import { LocusError } from "@common/errors.js";
import type { BackupStore } from "./BackupStore.js";
import { stageRestore } from "./pendingRestore.js";
import { readDatabaseProblem } from "./readDatabaseProblem.js";

export const dayMs = 24 * 60 * 60 * 1000;

export type BackupServiceOptions = {
    /** Restarts Locus so a staged restore happens now (Electron relaunches, the browser host reopens its services). */
    restart?: () => void;
    /** Time between automatic backups (default a day). */
    intervalMs?: number;
    /** How often the schedule is looked at (default an hour): a laptop asleep at the due time backs up soon after waking. */
    checkEveryMs?: number;
    now?: () => number;
    log?: (message: string) => void;
};

/**
 * Backups of the open library: one a day in the background, one on request, and a restore that is staged
 * for the next start (after a backup of the library as it is now, so the restore itself can be undone).
 */
export class BackupService {
    #chain: Promise<unknown> = Promise.resolve();
    #stopTimer: () => void = () => {};
    #disposed = false;

    constructor(private readonly store: BackupStore, private readonly db: Database, private readonly options: BackupServiceOptions = {}) {}

    /** Backs up now if the last automatic or manual backup is older than the interval, then keeps checking. */
    start(): void {
        this.#checkSchedule();
        const timer = setInterval(() => this.#checkSchedule(), this.options.checkEveryMs ?? 60 * 60 * 1000);
        timer.unref();
        this.#stopTimer = () => clearInterval(timer);
    }

    list(): BackupInfo[] {
        return this.store.list();
    }

    backUpNow(): Promise<BackupInfo> {
        return this.#serialize("manual");
    }

    /** Checks the backup, backs up the library as it is, and stages the restore for the next start. */
    async restore(backupId: string): Promise<RestoreOutcome> {
        const backup = this.store.get(backupId);
        const problem = readDatabaseProblem(this.store.file(backup.id));
        if (problem !== null) throw new LocusError("invalid-input", `The backup from ${new Date(backup.createdAt).toLocaleString()} cannot be restored: ${problem}. Choose another one.`);
        await this.#serialize("before-restore", new Set([backup.id]));
        stageRestore(this.store.dir, backup.id);
        const restart = this.options.restart;
        if (restart === undefined) return { restart: "manual", backup };
        // After this answer has gone back to the window that asked.
        setTimeout(restart, 200);
        return { restart: "now", backup };
    }

    async dispose(): Promise<void> {
        this.#disposed = true;
        this.#stopTimer();
        await this.#chain.catch(() => undefined);
    }

    #checkSchedule(): void {
        if (this.#disposed) return;
        const now = (this.options.now ?? Date.now)();
        const last = this.store.list().find((backup) => backup.reason !== "before-restore");
        if (last !== undefined && now - last.createdAt < (this.options.intervalMs ?? dayMs)) return;
        this.#serialize("daily").catch((error: unknown) =>
            (this.options.log ?? console.error)(`Locus: the daily backup failed: ${error instanceof Error ? error.message : String(error)}`));
    }

    /** One backup at a time: SQLite's online backup restarts when another runs on the same file. */
    #serialize(reason: BackupReason, protect?: ReadonlySet<string>): Promise<BackupInfo> {
        if (this.#disposed) return Promise.reject(new LocusError("cancelled", "Locus is closing; the backup was not made."));
        // A backup already asked for finishes before the database closes.
        const next = this.#chain.catch(() => undefined).then(() => this.store.create(this.db, reason, protect));
        this.#chain = next;
        return next;
    }
}
