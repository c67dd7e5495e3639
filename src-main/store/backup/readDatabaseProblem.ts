import BetterSqlite3 from "better-sqlite3";

/**
 * Why the SQLite file cannot serve as the library, in words; null when it opens and SQLite's own check
 * of every page (`PRAGMA quick_check`) passes. Opened read-only: checking never changes the file.
 */
export function readDatabaseProblem(file: string): string | null {
    let db: BetterSqlite3.Database | undefined;
    try {
        db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
        const rows = db.pragma("quick_check(5)") as { quick_check: string }[];
        const problems = rows.map((row) => row.quick_check).filter((text) => text !== "ok");
        return problems.length === 0 ? null : `SQLite's check found damage (${problems.join("; ")})`;
    } catch (error) {
        return describeSqliteError(error);
    } finally {
        db?.close();
    }
}

/** SQLite's message, with its code when it has one ("file is not a database (SQLITE_NOTADB)"). */
export function describeSqliteError(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}
