// What a caller asks of the trainer and what it gets back. Plain data: it crosses the process boundary
// between main and the trainer worker (checked by trainerSchemas.ts on both sides).

/** Weight matrices of a transformer block that an adapter may target (llama.cpp tensor names). */
export const loraTargets = ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"] as const;
export type LoraTarget = (typeof loraTargets)[number];

/** One document of the person's data; train and validation are split by document, never inside one. */
export type TrainingDocument = { id: string; text: string };

/**
 * A question and its answer, taught as one exchange in the model's chat template (so the adapter learns
 * to answer that way in chat); each pair counts as a document of its own for the held-out split.
 */
export type QaPair = { question: string; answer: string };

export type LoraShape = {
    /** Rank of the A/B pair; capacity grows with it. Default 8. */
    rank: number;
    /** Scale numerator: the update is multiplied by alpha / rank. Default 2 * rank. */
    alpha: number;
    /** Matrices to adapt. Default attn_q and attn_v. */
    targets: LoraTarget[];
    /** Train only the last N blocks (shorter backward pass); 0 trains all. Default 0. */
    lastLayers: number;
};

export type TrainingOptions = LoraShape & {
    /** Wall-time budget in seconds, counted from `startedAt`; the run ends within 5% of it. */
    budgetSeconds: number;
    /** When the caller asked, in ms since the epoch; defaults to when the worker got the request. */
    startedAt?: number;
    /** llama.cpp threads; set explicitly so chat keeps its cores while training. */
    threads: number;
    /** Tokens per training window (rounded up to a multiple of 256). Default 512. */
    windowTokens: number;
    /**
     * Tokens per physical batch; gradients accumulate over the window's batches. Smaller saves memory
     * (logits are batch x vocabulary: 256 instead of 512 saves about 1 GB on a Llama 3 vocabulary), at
     * the cost of speed and of no gradient through attention to earlier batches of the same window.
     * Default: the whole window on machines with 16 GB or more, else 256.
     */
    microBatchTokens: number;
    /** Peak AdamW learning rate. Default 1e-4 (LoRA on real models); synthetic tests use more. */
    learningRate: number;
    /** Share of the run spent warming the learning rate up. Default 0.05. */
    warmupFraction: number;
    /** The learning rate decays (cosine) to this fraction of its peak by the end. Default 0.1. */
    minLearningRateFraction: number;
    weightDecay: number;
    /** Share of the documents' tokens held out for validation. Default 0.1. */
    validationFraction: number;
    /** At most this many validation windows are evaluated each time (cost control). Default 4. */
    maxValidationWindows: number;
    /** Periodic validation may use at most this share of the training time. Default 0.03. */
    validationOverhead: number;
    /** Stop after this many optimizer steps even if time remains. */
    maxSteps?: number;
    /**
     * Also save the weights as they are when the run has used this many seconds of its budget (the learning
     * time axis of the Advisor: one run gives the adapter after a quarter, half and all of the budget).
     */
    snapshotSeconds?: number[];
    seed: number;
};

export type TrainingRequest = {
    modelPath: string;
    /** Folder for the adapter files; created when missing. */
    outputDir: string;
    /** File-name prefix for this run's adapters, e.g. "notes-2025-01-31". */
    name: string;
    documents: TrainingDocument[];
    /** Question-answer pairs to learn besides the documents (optional). */
    pairs?: QaPair[];
    /**
     * Hold out exactly these documents for validation (ids of `documents`) instead of a share chosen by
     * seed: the Advisor keeps the documents it asks questions about out of checkpoint selection.
     */
    validationDocumentIds?: string[];
    /** Continue from this adapter's weights (same model and shape) instead of a fresh adapter. */
    resumeFrom?: string;
    options: TrainingOptions;
};

export type TrainingProgress = {
    type: "progress";
    step: number;
    /** Training tokens processed so far (windows x window size). */
    tokens: number;
    trainLoss: number;
    /** Latest validation loss, or null before the first evaluation or without validation data. */
    validationLoss: number | null;
    learningRate: number;
    tokensPerSecond: number;
    elapsedSeconds: number;
    secondsLeft: number;
};

export type TrainingCheckpoint = {
    type: "checkpoint";
    step: number;
    validationLoss: number;
    adapterPath: string;
};

/** The weights as they were at one of `snapshotSeconds`: a file of its own, kept whatever the validation loss. */
export type TrainingSnapshot = {
    type: "snapshot";
    /** The requested point of the budget, in seconds. */
    atSeconds: number;
    step: number;
    tokens: number;
    adapterPath: string;
};

/** What the worker reports while it runs. */
export type TrainingEvent = TrainingProgress | TrainingCheckpoint | TrainingSnapshot;

export type StopReason = "budget" | "max-steps" | "cancelled" | "diverged";

export type TrainingStats = {
    steps: number;
    tokens: number;
    stoppedBy: StopReason;
    initialValidationLoss: number | null;
    bestValidationLoss: number | null;
    /** The last validation loss measured after training began (the run's end or its last check). */
    lastValidationLoss: number | null;
    bestStep: number;
    finalTrainLoss: number | null;
    /** Steps whose loss or weights were not finite and were rolled back. */
    divergences: number;
    trainTokens: number;
    validationTokens: number;
    trainDocuments: number;
    validationDocuments: number;
    /** Question-answer pairs among the documents above, and whether they were written in the model's chat template. */
    pairs: number;
    pairsInChatTemplate: boolean;
    /** Training tokens per second of optimizer time. */
    tokensPerSecond: number;
    /** From startedAt to the result, in seconds. */
    wallSeconds: number;
    budgetSeconds: number;
    optimizerSeconds: number;
    validationSeconds: number;
    /** From startedAt until the worker began (process start, queueing). */
    startSeconds: number;
    /** Model, adapter and data preparation, until the first evaluation or step. */
    loadSeconds: number;
    saveSeconds: number;
    windowTokens: number;
    trainableParameters: number;
    threads: number;
    /** Peak resident memory of the trainer process so far (model, context, optimizer), in bytes. */
    peakRssBytes: number;
};

export type TrainingResult = {
    /** The adapter with the best validation loss (or the last one without validation); null if none. */
    adapterPath: string | null;
    stats: TrainingStats;
};
