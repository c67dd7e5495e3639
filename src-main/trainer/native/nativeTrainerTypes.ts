// The JavaScript face of the native addon (native/src/addon.cpp). Every slow call returns a promise and
// runs off the JS thread; a session runs one call at a time (a second one rejects with ERR_TRAINER_BUSY).

export type NativeFreshAdapterOptions = {
    modelPath: string;
    outputPath: string;
    targets: readonly string[];
    rank: number;
    alpha: number;
    /** Only the last N blocks; 0 = all. */
    lastLayers: number;
    seed: number;
    metadata: Record<string, string>;
};

export type NativeFreshAdapterSummary = {
    architecture: string;
    layerCount: number;
    firstLayer: number;
    lastLayer: number;
    matrixCount: number;
    parameterCount: number;
};

export type NativeSessionOptions = {
    modelPath: string;
    adapterPath: string;
    /** Folder for short-lived files (the graph padding adapter). */
    scratchDir: string;
    contextSize: number;
    microBatchSize: number;
    threads: number;
    weightDecay?: number;
    beta1?: number;
    beta2?: number;
    epsilon?: number;
    /** Copies of the padding adapter; omit to size the graph automatically. */
    graphPaddingCopies?: number;
};

export type NativeSessionInfo = {
    architecture: string;
    description: string;
    /** Tokens per window as llama.cpp really uses them (a multiple of 256). */
    contextSize: number;
    microBatchSize: number;
    threads: number;
    layerCount: number;
    vocabularySize: number;
    bosToken: number;
    eosToken: number;
    modelBytes: number;
    adapterMatrices: number;
    trainableParameters: number;
    adapterAlpha: number;
    forwardGraphNodes: number;
    /** Nodes of the largest training graph, known after the first step (0 before). */
    trainingGraphNodes: number;
    graphPaddingCopies: number;
    /** Weights were repacked for the CPU's fast matmul kernels (the trainer's own backend, Q4_0 only). */
    repackedWeights: boolean;
};

export type NativeStepResult = { loss: number; diverged: boolean; seconds: number };
export type NativeEvalResult = { loss: number; tokens: number; seconds: number };

export interface NativeTrainerSession {
    /** With `parseSpecial`, special tokens written as text (a chat template's markers) become those tokens. */
    tokenize(text: string, addSpecial: boolean, parseSpecial?: boolean): Promise<Int32Array>;
    /** A question and answer as one exchange in the model's own chat template; null when it has none llama.cpp knows. */
    formatExchange(question: string, answer: string): string | null;
    /** One window (contextSize + 1 tokens) and one optimizer step. */
    trainStep(window: Int32Array, learningRate: number): Promise<NativeStepResult>;
    /**
     * Mean next-token loss over spans of 2 to contextSize + 1 tokens, back to back (whole windows, the last
     * one possibly cut short); forward only. With `best`, of the weights kept by keepBest.
     */
    evaluate(windows: Int32Array, options?: { best: boolean }): Promise<NativeEvalResult>;
    keepBest(): void;
    restoreBest(): void;
    /** Writes a new adapter file atomically; rejects if `path` exists. Resolves with the path. */
    save(path: string, options: { best: boolean; metadata: Record<string, string> }): Promise<string>;
    info(): NativeSessionInfo;
    dispose(): Promise<void>;
}

/** What llama.cpp's quantizer can write for Locus. */
export const quantizeTypes = ["Q2_K", "Q3_K_M", "Q4_0", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16"] as const;
export type QuantizeType = (typeof quantizeTypes)[number];

export interface NativeTrainerAddon {
    /**
     * Loads ggml's CPU backend: `cpuBackendPath` (the trainer's own ggml-cpu build) when given, else the
     * best variant in node-llama-cpp's folder. Later calls are no-ops. Returns what was loaded.
     */
    initBackend(libraryDir: string, verbose?: boolean, cpuBackendPath?: string): string;
    writeFreshAdapter(options: NativeFreshAdapterOptions): Promise<NativeFreshAdapterSummary>;
    openSession(options: NativeSessionOptions): Promise<NativeTrainerSession>;
    /**
     * llama.cpp's quantizer (node-llama-cpp's libllama): writes `outputPath` (which must not exist) from a
     * GGUF, requantizing an already quantized one. Resolves with the output path.
     */
    quantizeModel(options: { inputPath: string; outputPath: string; type: QuantizeType; threads?: number }): Promise<string>;
}
