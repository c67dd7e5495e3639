import type { Database } from "better-sqlite3";
import type { AdvisorRunInfo } from "@common/contract/advisorTypes.js";

/** An Advisor run as stored: its info (without staleness, which depends on the library now) and its folder. */
export type StoredAdvisorRun = {
    info: AdvisorRunInfo;
    workDir: string;
    librarySnapshot: string[];
    /** Configuration key -> the model file and adapter behind it. */
    files: Record<string, { modelPath: string; adapterPath: string | null; documentIds?: string[] }>;
};

type Row = {
    id: string; state: AdvisorRunInfo["state"]; started_at: number; ended_at: number | null; work_dir: string; library_snapshot: string; info: string;
    files: string;
};

/** The Advisor's runs, newest first. Writes are single statements: a crash leaves the last complete one. */
export class AdvisorRepository {
    readonly #statements;

    constructor(db: Database) {
        this.#statements = {
            upsert: db.prepare(`
                INSERT INTO advisor_runs (id, state, started_at, ended_at, work_dir, library_snapshot, info, files)
                VALUES (@id, @state, @startedAt, @endedAt, @workDir, @librarySnapshot, @info, @files)
                ON CONFLICT(id) DO UPDATE SET state = excluded.state, ended_at = excluded.ended_at, info = excluded.info, files = excluded.files`),
            list: db.prepare<[], Row>("SELECT * FROM advisor_runs ORDER BY started_at DESC, rowid DESC"),
            get: db.prepare<[string], Row>("SELECT * FROM advisor_runs WHERE id = ?"),
            remove: db.prepare("DELETE FROM advisor_runs WHERE id = ?"),
        };
    }

    save(run: StoredAdvisorRun): void {
        const { info } = run;
        this.#statements.upsert.run({
            id: info.id, state: info.state, startedAt: info.startedAt, endedAt: info.endedAt, workDir: run.workDir,
            librarySnapshot: JSON.stringify(run.librarySnapshot), info: JSON.stringify({ ...info, stale: false }), files: JSON.stringify(run.files)
        });
    }

    list(): StoredAdvisorRun[] {
        return this.#statements.list.all().map(toRun);
    }

    get(runId: string): StoredAdvisorRun | undefined {
        const row = this.#statements.get.get(runId);
        return row === undefined ? undefined : toRun(row);
    }

    remove(runId: string): boolean {
        return this.#statements.remove.run(runId).changes > 0;
    }
}

function toRun(row: Row): StoredAdvisorRun {
    return {
        info: JSON.parse(row.info) as AdvisorRunInfo, workDir: row.work_dir, librarySnapshot: JSON.parse(row.library_snapshot) as string[],
        files: JSON.parse(row.files) as StoredAdvisorRun["files"]
    };
}
