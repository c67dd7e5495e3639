/** The Advisor: RAG against on-device learning, measured on the person's own library. Plain data. */

export type AdvisorMethod = "none" | "rag" | "lora" | "rag+lora";
export type AdvisorLevel = "easy" | "medium" | "hard";

/** A quality figure: points from 0 to 100 (mean over probes of how readily the model gives the right answer) with its 95% interval. */
export type AdvisorQuality = { points: number; low: number; high: number };

/** One configuration measured: a model file, a method, and for learning methods the data share and learning time. */
export type AdvisorConfig = {
    key: string;
    modelId: string;
    modelName: string;
    /** "original" for the installed file, else the lower-bit copy's quantization (e.g. "Q4_0"). */
    compression: string;
    bitsPerWeight: number | null;
    method: AdvisorMethod;
    /** Share of the documents learned from (learning methods), else null. */
    dataFraction: number | null;
    /** Seconds of learning behind this adapter (0 without learning). */
    learningSeconds: number;
    quality: AdvisorQuality;
    perLevel: Record<AdvisorLevel, AdvisorQuality>;
    /** The source passage among the first 5 retrieved, share of probes (RAG methods). */
    recallAt5: number | null;
    /** Greedy answers on a sample of probes that state the expected span, when that was checked. */
    generation: { accuracy: number; sample: number; timeToFirstTokenMs: number; tokensPerSecond: number } | null;
    /** Memory the model took while answering (resident, bytes), and the trainer's peak for learning methods. */
    memoryBytes: number | null;
    trainingPeakBytes: number | null;
    /** Loss on plain prose that ships with Locus, before -> after learning; flagged when markedly worse. */
    forgetting: { lossBefore: number; lossAfter: number; change: number; flagged: boolean } | null;
};

export type AdvisorRecommendation = {
    configKey: string;
    method: AdvisorMethod;
    /** The recommendation in plain words, tied to the factors measured. */
    summary: string;
    /** Where this library agrees or disagrees with the guidelines the design rests on. */
    findings: string[];
};

export type AdvisorRunState = "running" | "done" | "cancelled" | "failed";

export type AdvisorRunInfo = {
    id: string;
    state: AdvisorRunState;
    startedAt: number;
    endedAt: number | null;
    budgetMinutes: number;
    /** What it is doing now, in words ("Scoring SmolLM2 with RAG…"). */
    phase: string;
    /** 0..1 of the time budget or of the planned work, whichever is further. */
    progress: number;
    documentCount: number;
    probeCount: Record<AdvisorLevel, number>;
    configs: AdvisorConfig[];
    recommendation: AdvisorRecommendation | null;
    /** Why nothing was recommended, or what was left out (a model too large to train, a budget too small to learn). */
    notes: string[];
    error: string | null;
    /** The library changed a lot since (documents added, removed or changed): the figures may no longer hold. */
    stale: boolean;
    /** Seconds spent measuring (training, scoring, quantizing). */
    computeSeconds: number;
    applied: boolean;
};
