import fs from "node:fs/promises";
import { createModelDownloader, type ModelDownloader, type ModelFileAccessTokens } from "node-llama-cpp";
import { DownloadOfflineError } from "./errors/DownloadOfflineError.js";
import { RemoteFileChangedError } from "./errors/RemoteFileChangedError.js";
import { TruncatedDownloadError } from "./errors/TruncatedDownloadError.js";
import { TransferStoppedError, type StopReason } from "./TransferStoppedError.js";

export type FileTransferOptions = {
    url: string;
    /** The job's own folder: the downloader keeps its partial file (`<file>.ipull`) there between runs. */
    dirPath: string;
    fileName: string;
    /** The exact size the server must offer; null when only an estimate is known (the hash decides). */
    expectedBytes: number | null;
    /** Host named in messages. */
    host: string;
    /** Stop, keeping the partial file, when the byte count has not grown for this long. */
    stallTimeoutMs: number;
    onProgress: (downloadedBytes: number, totalBytes: number) => void;
};

/**
 * node-llama-cpp reads `null` as "send no token" and otherwise picks up a Hugging Face token from the
 * environment or ~/.cache; its type only says string. Locus downloads public files and sends no credentials.
 */
const noTokens = { huggingFace: null } as unknown as ModelFileAccessTokens;

/**
 * One attempt at transferring one file with node-llama-cpp's downloader (ipull: several ranged
 * connections in parallel, progress kept in the partial file so a later attempt continues). It stops
 * on request or when the connection goes quiet, always keeping the partial file; the caller deletes it.
 */
export class FileTransfer {
    #downloader: ModelDownloader | null = null;
    #halted: Error | null = null;
    #rejectRun: ((error: Error) => void) | null = null;
    #maxBytes = -1;
    #lastGrowthAt = Date.now();
    #closing: Promise<void> | null = null;

    constructor(private readonly options: FileTransferOptions) {}

    /** Resolves with the finished file's path; rejects with TransferStoppedError or a DownloadError. */
    async run(): Promise<string> {
        // The downloader's own retries can wait on a dead network for many minutes, and its setup step
        // cannot be aborted: racing against `halted` lets pause, cancel and the watchdog end a run at once.
        const halted = new Promise<never>((_, reject) => { this.#rejectRun = reject; });
        this.#lastGrowthAt = Date.now();
        const watchdog = setInterval(() => this.#checkStall(), Math.min(1_000, this.options.stallTimeoutMs / 4));
        watchdog.unref();
        try {
            return await Promise.race([this.#transfer(), halted]);
        } finally {
            clearInterval(watchdog);
        }
    }

    /** Stops the transfer and waits until the downloader has closed its file. */
    stop(reason: StopReason): Promise<void> {
        return this.#halt(new TransferStoppedError(reason));
    }

    async #transfer(): Promise<string> {
        const { url, dirPath, fileName, expectedBytes } = this.options;
        const downloader = await createModelDownloader({
            modelUri: url, dirPath, fileName, tokens: noTokens,
            deleteTempFileOnCancel: false, skipExisting: true, showCliProgress: false,
            onProgress: ({ downloadedSize, totalSize }) => this.#onProgress(downloadedSize, totalSize)
        });
        if (this.#halted != null) return this.#abandon(downloader, this.#halted);
        this.#downloader = downloader;

        const offered = downloader.totalSize;
        if (expectedBytes != null && offered > 0 && offered !== expectedBytes) {
            await downloader.cancel({ deleteTempFile: true });
            throw offered < expectedBytes
                ? new TruncatedDownloadError(fileName, offered, expectedBytes)
                : new RemoteFileChangedError(fileName, `the server offers ${offered} bytes, not ${expectedBytes}`);
        }
        const filePath = await downloader.download();
        // A closed downloader returns normally: only the halt flag tells a stop from a finished file.
        if (this.#halted != null) throw this.#halted;
        return filePath;
    }

    /** The run was stopped while the downloader was still being set up: close it as soon as it exists. */
    async #abandon(downloader: ModelDownloader, reason: Error): Promise<never> {
        const cancelled = reason instanceof TransferStoppedError && reason.reason === "cancel";
        await downloader.cancel({ deleteTempFile: cancelled });
        // Setting up recreates the job folder; a cancelled job must not leave it behind.
        if (cancelled) await fs.rm(this.options.dirPath, { recursive: true, force: true });
        throw reason;
    }

    #onProgress(downloadedBytes: number, totalBytes: number): void {
        // Only growth past the best count so far is activity: a connection that keeps failing and
        // retrying the same part makes the count go up and down without getting anywhere.
        if (downloadedBytes > this.#maxBytes) {
            this.#maxBytes = downloadedBytes;
            this.#lastGrowthAt = Date.now();
        }
        this.options.onProgress(downloadedBytes, totalBytes);
    }

    #checkStall(): void {
        const quietMs = Date.now() - this.#lastGrowthAt;
        if (this.#halted != null || quietMs < this.options.stallTimeoutMs) return;
        void this.#halt(new DownloadOfflineError(this.options.host, `no data arrived for ${Math.round(quietMs / 1000)} seconds`));
    }

    /** Closes the downloader, then ends the run: a later run must never share the partial file with this one. */
    #halt(error: Error): Promise<void> {
        if (this.#closing != null) return this.#closing;
        this.#halted = error;
        const close = this.#downloader?.cancel({ deleteTempFile: false }) ?? Promise.resolve();
        this.#closing = close.catch(() => undefined).then(() => this.#rejectRun?.(error));
        return this.#closing;
    }
}
