import type { FitResult, LatencyPreference, TaskDifficulty } from "../setup/types.js";

/** One quantization of a catalog model, with its fit on this computer. */
export type CatalogQuantListing = {
    quant: string;
    fileName: string;
    sizeBytes: number | null;
    fit: FitResult;
    /** True when the SHA-256 to check the download against is known. */
    hashKnown: boolean;
    /** Set when this file is already downloaded or imported: its id in the model list. */
    installedModelId: string | null;
};

export type CatalogListing = {
    id: string;
    kind: "chat" | "embedding" | "reranker";
    displayName: string;
    family: string;
    parameterCount: number | null;
    contextLength: number | null;
    embeddingDimension: number | null;
    license: string | null;
    quants: CatalogQuantListing[];
};

export type RecommendRequest = {
    difficulty: TaskDifficulty;
    learningBudgetMinutes: number;
    latency: LatencyPreference;
    /** The person asked for exact figures: headers of the picked files may be read from the model hub. */
    online?: boolean;
};

export type DownloadState = "queued" | "downloading" | "paused" | "verifying" | "done" | "failed" | "cancelled";

export type DownloadJob = {
    id: string;
    catalogId: string;
    quant: string;
    fileName: string;
    state: DownloadState;
    bytesDone: number;
    bytesTotal: number | null;
    bytesPerSecond: number | null;
    secondsLeft: number | null;
    /** Plain-words reason when `failed`. */
    error: string | null;
    /** The model-list id once the verified file is in place. */
    modelId: string | null;
};
