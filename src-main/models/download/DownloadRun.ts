import fs from "node:fs/promises";
import path from "node:path";
import type { DownloadPhase, VerifiedHash } from "./downloadTypes.js";
import type { StoredDownload } from "./DownloadRepository.js";
import { FileTransfer } from "./FileTransfer.js";
import { hubHost, resolveUrl } from "./hubUrls.js";
import { installFile } from "./installFile.js";
import { TransferStoppedError, type StopReason } from "./TransferStoppedError.js";
import { verifyDownloadedFile } from "./verifyDownloadedFile.js";

export type DownloadRunDeps = {
    endpoint: string;
    modelsDir: string;
    stallTimeoutMs: number;
    inspect: (filePath: string) => Promise<unknown>;
    register: ((filePath: string, hash: VerifiedHash) => Promise<string>) | null;
    onProgress: (phase: DownloadPhase, doneBytes: number, totalBytes: number) => void;
    /** The transfer is complete and hashing begins. */
    onVerifying: () => void;
};

export type DownloadResult = { filePath: string; sizeBytes: number; modelId: string | null };

/**
 * One attempt at a job, start to finish: transfer into the job's folder, verify the SHA-256, publish the
 * file into the models folder, check its GGUF header, add it to the model list. Nothing reaches the
 * models folder before its hash matched, and a file that fails the header check is removed again.
 */
export class DownloadRun {
    #transfer: FileTransfer | null = null;
    #stopReason: StopReason | null = null;
    readonly #hashing = new AbortController();

    constructor(private readonly job: StoredDownload, private readonly deps: DownloadRunDeps) {}

    async execute(): Promise<DownloadResult> {
        const { job, deps } = this;
        const finalPath = path.join(deps.modelsDir, job.fileName);
        const size = (await this.#alreadyInstalled(finalPath)) ?? (await this.#transferVerifyAndInstall(finalPath));
        try {
            await deps.inspect(finalPath);
            const modelId = deps.register == null ? null : await deps.register(finalPath, { sha256: job.expectedSha256, source: job.sha256Source });
            return { filePath: finalPath, sizeBytes: size, modelId };
        } catch (error) {
            // Genuine but unusable here (or not addable): a file no one can load must not take up gigabytes.
            await fs.rm(finalPath, { force: true });
            throw error;
        }
    }

    /**
     * The size of the job's file when a run that a crash or kill interrupted had already published it (after
     * its hash matched) but not yet added it to the model list: its hash is checked again, and then it is
     * registered instead of being downloaded a second time. Null when there is no such file, or another one.
     */
    async #alreadyInstalled(finalPath: string): Promise<number | null> {
        const { job } = this;
        const stat = await fs.stat(finalPath).catch(() => null);
        if (stat === null || !stat.isFile() || (job.sizeExact && stat.size !== job.totalBytes)) return null;
        this.deps.onVerifying();
        try {
            await verifyDownloadedFile(finalPath, { fileName: job.fileName, sha256: job.expectedSha256, sizeBytes: job.sizeExact ? job.totalBytes : null }, {
                signal: this.#hashing.signal, onProgress: (hashed) => this.deps.onProgress("verifying", hashed, stat.size)
            });
        } catch {
            this.#throwIfStopped();
            return null;
        }
        this.#throwIfStopped();
        await fs.rm(job.partialDir, { recursive: true, force: true });
        return stat.size;
    }

    /** Transfers into the job's folder, verifies the SHA-256, then publishes the file under its final name; returns its size. */
    async #transferVerifyAndInstall(finalPath: string): Promise<number> {
        const { job, deps } = this;
        // A stop that came while the installed file was looked for has no transfer to stop: it ends the run here.
        this.#throwIfStopped();
        const ref = { endpoint: deps.endpoint, repository: job.repository, revision: job.revision, fileName: job.fileName };
        this.#transfer = new FileTransfer({
            url: resolveUrl(ref), dirPath: job.partialDir, fileName: job.fileName,
            expectedBytes: job.sizeExact ? job.totalBytes : null, host: hubHost(deps.endpoint),
            stallTimeoutMs: deps.stallTimeoutMs,
            onProgress: (done, total) => deps.onProgress("downloading", done, total > 0 ? total : job.totalBytes)
        });
        const stagedPath = await this.#transfer.run();
        this.#throwIfStopped();

        deps.onVerifying();
        const { size } = await fs.stat(stagedPath);
        try {
            await verifyDownloadedFile(stagedPath, {
                fileName: job.fileName, sha256: job.expectedSha256, sizeBytes: job.sizeExact ? job.totalBytes : null
            }, { signal: this.#hashing.signal, onProgress: (hashed) => deps.onProgress("verifying", hashed, size) });
        } catch (error) {
            this.#throwIfStopped();
            throw error;
        }
        this.#throwIfStopped();
        await installFile(stagedPath, finalPath);
        return size;
    }

    /** Stops the transfer or the hashing; `execute` then rejects with TransferStoppedError. */
    async stop(reason: StopReason): Promise<void> {
        this.#stopReason ??= reason;
        this.#hashing.abort();
        await this.#transfer?.stop(reason);
    }

    #throwIfStopped(): void {
        if (this.#stopReason != null) throw new TransferStoppedError(this.#stopReason);
    }
}
