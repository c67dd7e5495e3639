/** What the person chose in the wizard or Settings; every field has a sensible default. */
export type Settings = {
    /** Model-list id of the chat model to load at start (the last one loaded). */
    chatModelId: string | null;
    /** Model-list id of the embedding model used to index documents. */
    embeddingModelId: string | null;
    /** Model-list id of an optional reranker. */
    rerankerModelId: string | null;
    contextSize: number;
    /** null: all math cores. */
    threads: number | null;
    /** How Locus answers from the library: search it (RAG), use a learned adapter, both, or neither (set by the Advisor's Apply). */
    learningMethod: "none" | "rag" | "lora" | "rag+lora";
    learningBudgetMinutes: number;
    /** The first-run wizard was finished or skipped. */
    setupDone: boolean;
};

export const defaultSettings: Settings = {
    chatModelId: null,
    embeddingModelId: null,
    rerankerModelId: null,
    contextSize: 4096,
    threads: null,
    learningMethod: "rag",
    learningBudgetMinutes: 0,
    setupDone: false
};
