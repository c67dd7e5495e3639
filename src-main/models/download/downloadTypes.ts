import type { Quant } from "../catalogSchema.js";

/**
 * Plain data about downloads, shared with the renderer through the contract: no Node types, no paths.
 *
 * - `downloading`: bytes are arriving.
 * - `paused`: stopped by the person, by the network or by a full disk; the partial file is kept and
 *   `resume` continues where it stopped (`error` says why when it was not the person's choice).
 * - `verifying`: the transfer finished; its SHA-256 is being computed and compared.
 * - `completed`: verified, moved into the models folder and its GGUF header checked.
 * - `failed`: the file was damaged, incomplete or not usable; it was deleted. Starting again downloads afresh.
 * - `cancelled`: stopped by the person; the partial file was deleted.
 */
export type DownloadState = "downloading" | "paused" | "verifying" | "completed" | "failed" | "cancelled";

/** Why a download stopped or failed, in categories the UI can choose words and actions for. */
export type DownloadFailureReason =
    | "offline"
    | "server"
    | "disk-full"
    | "checksum"
    | "truncated"
    | "remote-changed"
    | "unverifiable"
    | "bad-model-file"
    | "internal";

export type DownloadFailure = { reason: DownloadFailureReason; message: string };

/** Where the expected SHA-256 came from: the catalog shipped with Locus, or the hub's LFS object id. */
export type Sha256Source = "catalog" | "hub";

/** The SHA-256 a finished download matched, and who published it. */
export type VerifiedHash = { sha256: string; source: Sha256Source };

export type DownloadJob = {
    id: string;
    catalogId: string;
    quant: Quant;
    displayName: string;
    /** File name only: the renderer never sees full paths. */
    fileName: string;
    state: DownloadState;
    totalBytes: number;
    /** Never decreases, even when the downloader discards an unfinished part after a pause. */
    downloadedBytes: number;
    expectedSha256: string;
    sha256Source: Sha256Source;
    /** The person's model id once the finished file was added to their model list. */
    modelId: string | null;
    error: DownloadFailure | null;
    createdAt: number;
    updatedAt: number;
};

export type DownloadPhase = "downloading" | "verifying";

export type DownloadProgress = {
    jobId: string;
    phase: DownloadPhase;
    /** Bytes received (downloading) or hashed (verifying); never decreases within a job and phase. */
    doneBytes: number;
    totalBytes: number;
    /** Recent rate over the last few seconds; 0 until it can be measured. */
    bytesPerSecond: number;
    /** null while the rate is unknown. */
    secondsLeft: number | null;
};

/** Every event of the download service: a job changed state, or progress within a job. */
export type DownloadEvent =
    | { type: "job"; job: DownloadJob }
    | { type: "progress"; progress: DownloadProgress };

export type DownloadListener = (event: DownloadEvent) => void;
