/** Hyperparameters of a `llama`-architecture model, as written to `llama.*` metadata keys. */
export type LlamaShape = {
    contextLength: number,
    embeddingLength: number,
    blockCount: number,
    feedForwardLength: number,
    headCount: number,
    headCountKv: number,
    ropeFreqBase: number,
    rmsEpsilon: number,
    /** No `output.weight`: llama.cpp reuses `token_embd.weight` for the output projection. */
    tiedEmbeddings: boolean,
    /** `general.size_label`; node-llama-cpp uses it (with the name) to pick the Llama 3.2 chat wrapper. */
    sizeLabel: string
};

/** Loads and generates in milliseconds; the 128k-token vocabulary dominates its size. */
export const tinyShape: LlamaShape = {
    contextLength: 4096,
    embeddingLength: 64,
    blockCount: 2,
    feedForwardLength: 128,
    headCount: 4,
    headCountKv: 2,
    ropeFreqBase: 500000,
    rmsEpsilon: 1e-5,
    tiedEmbeddings: true,
    sizeLabel: "1B"
};

/** Llama-3.2-1B's shape (1.24B parameters), for honest throughput numbers. */
export const realisticShape: LlamaShape = {
    contextLength: 8192,
    embeddingLength: 2048,
    blockCount: 16,
    feedForwardLength: 8192,
    headCount: 32,
    headCountKv: 8,
    ropeFreqBase: 500000,
    rmsEpsilon: 1e-5,
    tiedEmbeddings: true,
    sizeLabel: "1B"
};

/** Llama-3-70B's shape: only its header is ever written (the data is a sparse hole). */
export const oversizedShape: LlamaShape = {
    contextLength: 8192,
    embeddingLength: 8192,
    blockCount: 80,
    feedForwardLength: 28672,
    headCount: 64,
    headCountKv: 8,
    ropeFreqBase: 500000,
    rmsEpsilon: 1e-5,
    tiedEmbeddings: false,
    sizeLabel: "70B"
};
