/**
 * Plain data shared by the hardware probe, the fit estimator, the recommendation policy and the setup
 * wizard in the renderer. No Node, Electron or DOM types: everything here crosses the IPC boundary.
 */

/** GPU backends node-llama-cpp can use; `false` means CPU only. */
export type GpuType = "metal" | "cuda" | "vulkan" | false;

export type GpuProfile = {
    type: GpuType;
    /** Device names as reported by the backend (may be empty on CPU-only machines). */
    deviceNames: string[];
    vramTotalBytes: number;
    vramFreeBytes: number;
    /** Bytes of the VRAM shared with system RAM (Apple silicon and other SoCs); 0 on discrete GPUs. */
    unifiedMemoryBytes: number;
};

export type CpuProfile = {
    model: string;
    logicalCores: number;
    /** Cores node-llama-cpp considers useful for math: the ceiling for any thread count. */
    mathCores: number;
    architecture: string;
    /** Instruction-set features such as avx2, avx512f, fma, f16c, neon, dotprod, i8mm. */
    features: string[];
};

/** A snapshot of the machine. Serialisable, so a test or the wizard can hand in a made-up one. */
export type HardwareProfile = {
    /** "probed" for this machine, "simulated" for an override used by tests and demos. */
    source: "probed" | "simulated";
    platform: string;
    ramTotalBytes: number;
    ramFreeBytes: number;
    swapTotalBytes: number;
    swapFreeBytes: number;
    cpu: CpuProfile;
    gpu: GpuProfile;
    /** Free bytes on the volume that holds the models folder; null when it could not be read. */
    diskFreeBytes: number | null;
};

export type FitLabel =
    | "runs fully on your GPU"
    | "runs partly on your GPU"
    | "fits in memory"
    | "too large for this computer";

/** How a fit was worked out: from the GGUF header with node-llama-cpp, or from catalog metadata. */
export type FitMethod = "gguf-insights" | "catalog-estimate";

export type FitResult = {
    modelId: string;
    quant: string;
    contextSize: number;
    label: FitLabel;
    method: FitMethod;
    /**
     * With "gguf-insights": whose header was read, the "file" on this computer or the file on the "hub"
     * (read remotely, only the header). Absent for catalog estimates.
     */
    headerSource?: "file" | "hub";
    gpuLayers: number;
    totalLayers: number;
    /** Bytes of system RAM the model and its context need (model weights off the GPU, KV cache, buffers). */
    ramBytes: number;
    /** Bytes of VRAM needed on the GPU (0 when nothing is offloaded). */
    vramBytes: number;
    /** Bytes the file takes on disk, to compare with the free disk space before a download. */
    diskBytes: number;
    /** One sentence in plain words. */
    explanation: string;
};

/** How the person describes what they want from their documents. */
export type TaskDifficulty = "find-facts" | "summarize-compare" | "domain-reasoning";

export type LatencyPreference = "fast" | "balanced" | "quality";

export type LearningMethod = "rag" | "rag+lora";

export type LoraPlan = {
    rank: number;
    alpha: number;
    /** Train only the last layers (adaptive layer tuning): fewer layers make the backward pass shorter. */
    targetLayers: { first: number; last: number; count: number };
    targetModules: string[];
    budgetMinutes: number;
};

export type LearningPlan =
    | { method: "rag" }
    | { method: "rag+lora"; lora: LoraPlan };

export type ModelChoice = {
    modelId: string;
    displayName: string;
    quant: string;
    fileName: string;
    sizeBytes: number;
};

export type ChatChoice = ModelChoice & { contextSize: number; fit: FitResult };

export type Alternative = {
    chat: ChatChoice;
    /** One sentence: why someone might prefer this over the main choice. */
    reason: string;
};

export type RecommendationReasons = {
    chatModel: string;
    quantization: string;
    contextSize: string;
    threads: string;
    gpuLayers: string;
    embeddingModel: string;
    learningMethod: string;
};

export type Recommendation = {
    chat: ChatChoice;
    contextSize: number;
    threads: number;
    gpuLayers: number;
    embedding: ModelChoice;
    learning: LearningPlan;
    alternatives: Alternative[];
    reasons: RecommendationReasons;
    /** When chat uses the starter model that comes with Locus: what it is for, in plain words. */
    starterNote?: string;
};
