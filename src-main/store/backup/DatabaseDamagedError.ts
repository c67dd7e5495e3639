import type { BackupInfo } from "@common/contract/backupTypes.js";

/**
 * The library database cannot be opened or fails SQLite's check. Hosts say so and offer `latestGood`
 * (the newest backup that passes the check) instead of crashing or starting with an empty library.
 */
export class DatabaseDamagedError extends Error {
    override name = "DatabaseDamagedError";

    constructor(readonly file: string, readonly problem: string, readonly latestGood: BackupInfo | null) {
        super(
            `The library database ${file} cannot be read: ${problem}. ` +
            (latestGood === null
                ? "There is no backup of it. To start with an empty library, move that file elsewhere (it keeps what can still be saved from it)."
                : `The latest good backup is from ${new Date(latestGood.createdAt).toISOString()} (${latestGood.id}); Locus can start from it and keep the damaged file beside it.`)
        );
    }
}
