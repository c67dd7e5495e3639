/**
 * The error says the disk (or the person's quota) is full: Node's ENOSPC/EDQUOT, or SQLite's SQLITE_FULL,
 * which better-sqlite3 reports as the error's `code`; from a worker process, where only the message
 * crosses, by the system's or SQLite's words. SQLite rolls back the statement or transaction that hit
 * it, so what was committed before stays.
 */
export function isDiskFull(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "ENOSPC" || code === "EDQUOT" || code === "SQLITE_FULL") return true;
    return error instanceof Error && /\bENOSPC\b|\bEDQUOT\b|no space left on device|database or disk is full/i.test(error.message);
}
