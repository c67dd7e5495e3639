import fs from "node:fs";
import BetterSqlite3 from "better-sqlite3";

/** What the harness reads from the data folder's database between runs (read-only; the app may be running). */
export type DatabaseSnapshot = {
    modelPaths: Set<string>;
    adapterPaths: Set<string>;
    /** Download jobs that still own a partial folder (downloading, paused, verifying). */
    unfinishedJobs: Set<string>;
    downloads: { id: string; state: string; filePath: string | null; modelId: string | null; expectedSha256: string; errorMessage: string | null }[];
    documents: { name: string; status: string; reason: string | null; chunks: number }[];
    /** Answers by id: their status and how much text they hold. */
    answers: Map<string, { status: string; chars: number }>;
    /** Vectors saved for documents still being indexed, by document name. */
    pendingVectors: Map<string, number>;
    trainingSteps: number;
    /** The Advisor's runs by id: their state ("running" while one measures). */
    advisorRuns: Map<string, string>;
};

export function readSnapshot(file: string): DatabaseSnapshot | null {
    if (!fs.existsSync(file)) return null;
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
        const all = <T>(sql: string) => db.prepare(sql).all() as T[];
        const tables = new Set(all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => row.name));
        if (!tables.has("documents") || !tables.has("downloads")) return null; // not migrated yet
        const downloads = all<{ id: string; state: string; file_path: string | null; model_id: string | null; expected_sha256: string; error_message: string | null }>(
            "SELECT id, state, file_path, model_id, expected_sha256, error_message FROM downloads");
        return {
            modelPaths: new Set(all<{ path: string }>("SELECT path FROM models").map((row) => row.path)),
            adapterPaths: new Set(all<{ file_path: string }>("SELECT file_path FROM adapters").map((row) => row.file_path)),
            unfinishedJobs: new Set(downloads.filter((job) => ["downloading", "paused", "verifying"].includes(job.state)).map((job) => job.id)),
            downloads: downloads.map((job) => ({
                id: job.id, state: job.state, filePath: job.file_path, modelId: job.model_id, expectedSha256: job.expected_sha256, errorMessage: job.error_message
            })),
            documents: all<{ name: string; status: string; reason: string | null; chunks: number }>(
                "SELECT display_name AS name, status, status_reason AS reason, chunk_count AS chunks FROM documents"),
            answers: new Map(all<{ id: string; status: string; chars: number }>("SELECT id, status, length(content) AS chars FROM messages WHERE role = 'assistant'")
                .map((row) => [row.id, { status: row.status, chars: row.chars }])),
            pendingVectors: new Map(all<{ name: string; n: number }>(`SELECT d.display_name AS name, COUNT(*) AS n FROM pending_vectors p
                JOIN documents d ON d.id = p.document_id GROUP BY d.id`).map((row) => [row.name, row.n])),
            advisorRuns: new Map(tables.has("advisor_runs") ? all<{ id: string; state: string }>("SELECT id, state FROM advisor_runs").map((row) => [row.id, row.state]) : []),
            trainingSteps: tables.has("adapters") ? (db.prepare("SELECT COALESCE(SUM(steps), 0) AS n FROM adapters").get() as { n: number }).n : 0
        };
    } finally {
        db.close();
    }
}
