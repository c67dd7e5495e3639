import type { Database } from "better-sqlite3";
import type { Quant } from "../catalogSchema.js";
import type { DownloadFailure, DownloadFailureReason, DownloadJob, DownloadState, Sha256Source } from "./downloadTypes.js";

type DownloadRow = {
    id: string; catalog_id: string; quant: string; display_name: string; repository: string; revision: string;
    file_name: string; state: string; total_bytes: number; downloaded_bytes: number; expected_sha256: string;
    sha256_source: string; size_exact: number; partial_dir: string; file_path: string | null; model_id: string | null;
    error_reason: string | null; error_message: string | null; created_at: number; updated_at: number;
};

/** A job with what only main may know: where its files are and which hub revision it pins. */
export type StoredDownload = DownloadJob & {
    repository: string;
    revision: string;
    sizeExact: boolean;
    /** The job's own folder inside the models folder, holding the partial file. */
    partialDir: string;
    /** Where the verified file was installed. */
    filePath: string | null;
};

export type NewDownload = Omit<StoredDownload, "createdAt" | "updatedAt" | "filePath" | "modelId" | "error" | "downloadedBytes">;
export type DownloadPatch = Partial<Pick<StoredDownload, "state" | "downloadedBytes" | "totalBytes" | "filePath" | "modelId" | "error">>;

/** States in which a job still owns a partial file and may continue. */
export const unfinishedStates: readonly DownloadState[] = ["downloading", "paused", "verifying"];

const toJob = (row: DownloadRow): StoredDownload => ({
    id: row.id, catalogId: row.catalog_id, quant: row.quant as Quant, displayName: row.display_name,
    fileName: row.file_name, state: row.state as DownloadState, totalBytes: row.total_bytes,
    downloadedBytes: row.downloaded_bytes, expectedSha256: row.expected_sha256,
    sha256Source: row.sha256_source as Sha256Source, modelId: row.model_id,
    error: row.error_reason == null ? null : { reason: row.error_reason as DownloadFailureReason, message: row.error_message ?? "" },
    createdAt: row.created_at, updatedAt: row.updated_at, repository: row.repository, revision: row.revision,
    sizeExact: row.size_exact === 1, partialDir: row.partial_dir, filePath: row.file_path
});

/** Download jobs, so that a download survives a restart. Every statement is prepared once. */
export class DownloadRepository {
    readonly #statements;

    constructor(db: Database) {
        this.#statements = {
            list: db.prepare<[], DownloadRow>("SELECT * FROM downloads ORDER BY created_at DESC, rowid DESC"),
            get: db.prepare<[string], DownloadRow>("SELECT * FROM downloads WHERE id = ?"),
            unfinishedFor: db.prepare<[string, string], DownloadRow>(
                "SELECT * FROM downloads WHERE catalog_id = ? AND quant = ? AND state IN ('downloading', 'paused', 'verifying')"),
            insert: db.prepare(`
                INSERT INTO downloads (id, catalog_id, quant, display_name, repository, revision, file_name, state,
                    total_bytes, downloaded_bytes, expected_sha256, sha256_source, size_exact, partial_dir, created_at, updated_at)
                VALUES (@id, @catalogId, @quant, @displayName, @repository, @revision, @fileName, @state,
                    @totalBytes, 0, @expectedSha256, @sha256Source, @sizeExact, @partialDir, @now, @now)`),
            update: db.prepare(`
                UPDATE downloads SET state = @state, total_bytes = @totalBytes, downloaded_bytes = @downloadedBytes,
                    file_path = @filePath, model_id = @modelId, error_reason = @errorReason, error_message = @errorMessage,
                    updated_at = @now
                WHERE id = @id`),
            delete: db.prepare("DELETE FROM downloads WHERE id = ?")
        };
    }

    list(): StoredDownload[] {
        return this.#statements.list.all().map(toJob);
    }

    get(jobId: string): StoredDownload | undefined {
        const row = this.#statements.get.get(jobId);
        return row && toJob(row);
    }

    /** The job still working on this file, if any (the schema allows one at a time). */
    unfinishedFor(catalogId: string, quant: Quant): StoredDownload | undefined {
        const row = this.#statements.unfinishedFor.get(catalogId, quant);
        return row && toJob(row);
    }

    create(job: NewDownload): StoredDownload {
        this.#statements.insert.run({ ...job, sizeExact: job.sizeExact ? 1 : 0, now: Date.now() });
        return this.get(job.id)!;
    }

    update(jobId: string, patch: DownloadPatch): StoredDownload {
        const current = this.get(jobId);
        if (current == null) throw new Error(`Download job ${jobId} does not exist.`);
        const next = { ...current, ...patch };
        const error: DownloadFailure | null = next.error;
        this.#statements.update.run({
            id: jobId, state: next.state, totalBytes: next.totalBytes, downloadedBytes: next.downloadedBytes,
            filePath: next.filePath, modelId: next.modelId, errorReason: error?.reason ?? null,
            errorMessage: error?.message ?? null, now: Date.now()
        });
        return this.get(jobId)!;
    }

    remove(jobId: string): boolean {
        return this.#statements.delete.run(jobId).changes > 0;
    }
}
