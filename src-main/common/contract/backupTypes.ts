/** Why a backup was made: every day, before the database's schema changes, by hand, or before a restore replaced the library. */
export type BackupReason = "daily" | "migration" | "manual" | "before-restore";

/** One copy of the library database kept in the data folder's `backups/`. */
export type BackupInfo = {
    /** Names the backup in calls (never a path). */
    id: string;
    createdAt: number;
    reason: BackupReason;
    sizeBytes: number;
};

/**
 * A restore is staged and happens as Locus starts (the database is never swapped under running work):
 * `now`, the host restarts by itself; `manual`, the person restarts Locus to finish it.
 */
export type RestoreOutcome = { restart: "now" | "manual"; backup: BackupInfo };
