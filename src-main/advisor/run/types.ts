import type { Llama } from "node-llama-cpp";
import type { AdvisorConfig } from "@common/contract/advisorTypes.js";
import type { Answerer } from "../../answer/Answerer.js";
import type { HybridRetriever } from "../../retrieval/HybridRetriever.js";
import type { LibraryReader } from "../../store/library/LibraryReader.js";
import type { TrainerClient } from "../../trainer/TrainerClient.js";
import type { ProbeSet } from "../probes/buildProbeSet.js";

/** A chat model file the Advisor may measure. */
export type CandidateModel = { id: string; name: string; path: string; sizeBytes: number };

/** A model file as measured: the installed one or a lower-bit copy of it. */
export type ModelVariant = {
    model: CandidateModel;
    compression: string;
    path: string;
    bitsPerWeight: number | null;
    parameterCount: number;
};

export type AdvisorDeps = {
    llama: () => Promise<Llama>;
    gpu: boolean;
    /** Threads for scoring (the Advisor's share while chat keeps the rest). */
    threads: number;
    trainerThreads: number;
    library: Pick<LibraryReader, "listDocuments" | "documentChunks">;
    retriever: () => Promise<HybridRetriever>;
    answerer: () => Promise<Answerer>;
    models: readonly CandidateModel[];
    trainer: Pick<TrainerClient, "train" | "quantize">;
    /** Where lower-bit copies and adapters go (the run's own folder). */
    workDir: string;
    /** Why a model cannot be trained on this computer (too large), or null when it can. */
    cannotTrain?: (model: CandidateModel) => Promise<string | null>;
    /** The chat model writing medium probes, when one should (the first candidate's scorer does it). */
    writeQuestions?: boolean;
    now?: () => number;
};

export type AdvisorPlan = {
    budgetSeconds: number;
    /** "search": successive halving; "sweep": every arm to every rung (the benchmark's reference). */
    mode: "search" | "sweep";
    dataFractions: readonly number[];
    /** Also measure a lower-bit copy of each model when its file has bits to spare. */
    compress: boolean;
    /** The longest learning time measured; derived from the budget when absent. */
    learningSeconds?: number;
    probesPerLevel: number;
    seed: number;
    /** A fixed probe set (the benchmark scores both searches on the same one). */
    probes?: ProbeSet;
    /** Probes per configuration answered by greedy generation (the best configurations only). */
    generationSample: number;
};

/** A configuration with what is needed after the run: per-probe scores, and the files behind it. */
export type MeasuredConfig = AdvisorConfig & {
    scores: number[];
    modelPath: string;
    adapterPath: string | null;
    /** The documents a learning method learned from. */
    documentIds?: string[];
};

export type AdvisorProgress = { phase: string; progress: number; configs: readonly MeasuredConfig[] };

export type AdvisorOutcome = {
    probes: ProbeSet;
    configs: MeasuredConfig[];
    notes: string[];
    /** Seconds spent measuring: scoring, training, quantizing. */
    computeSeconds: number;
    stopped: boolean;
    learningSeconds: number | null;
};
