import type { Database } from "better-sqlite3";
import type { Migration } from "./Migration.js";

export class DatabaseTooNewError extends Error {
    override name = "DatabaseTooNewError";
}

/** Applies pending migrations, each in its own transaction, so a crash leaves a consistent version. */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
    const from = db.pragma("user_version", { simple: true }) as number;
    const latest = migrations.at(-1)?.version ?? 0;
    if (from > latest)
        throw new DatabaseTooNewError(
            `The library database is from a newer version of Locus (schema ${from}, this version knows ${latest}). Update Locus to open it.`
        );

    for (const migration of migrations) {
        if (migration.version <= from) continue;
        db.transaction(() => {
            migration.up(db);
            db.pragma(`user_version = ${migration.version}`);
        })();
    }
    return { from, to: Math.max(from, latest) };
}
