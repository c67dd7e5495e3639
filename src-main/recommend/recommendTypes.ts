import type { FitResult, HardwareProfile, LatencyPreference, TaskDifficulty } from "@common/setup/types.js";
import type { CatalogEntry, CatalogQuant } from "../models/catalogSchema.js";

export type RecommendInput = {
    hardware: HardwareProfile;
    /** Tokens already indexed from the person's documents. */
    indexedTokens: number;
    difficulty: TaskDifficulty;
    /** Minutes the person lets Locus spend learning from their documents; 0 means none. */
    learningBudgetMinutes: number;
    latency: LatencyPreference;
    /** Catalog entries (all kinds); only verified-shape metadata is used, nothing is read from disk. */
    models: readonly CatalogEntry[];
    /**
     * Fits already worked out (e.g. from GGUF headers with node-llama-cpp). Any model, quantization and
     * context missing here is estimated from catalog metadata.
     */
    fits?: readonly FitResult[];
};

export type FitLookup = (entry: CatalogEntry, quant: CatalogQuant, contextSize: number) => FitResult;

/** A chat model, quantization and context that fits, with its predicted speed. */
export type ChatCandidate = {
    entry: CatalogEntry;
    quant: CatalogQuant;
    fit: FitResult;
    /** Seconds before the first word of an answer to a typical question. */
    firstTokenSeconds: number;
    tokensPerSecond: number;
    meetsTargets: boolean;
};
