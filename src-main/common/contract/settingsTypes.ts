import { defaultSystemPrompt, type SamplingSettings } from "./chatTypes.js";

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
    learningMethod: "rag" | "rag+lora";
    learningBudgetMinutes: number;
    /** The first-run wizard was finished or skipped. */
    setupDone: boolean;
    /** The system prompt of chats that have none of their own. */
    systemPrompt: string;
    /** Sampling for every chat, over the model's and Locus's defaults; a chat's own settings win. */
    sampling: SamplingSettings;
    /** Ask thinking models (Qwen3, DeepSeek-R1, ...) to answer without a thinking section. */
    discourageThinking: boolean;
};

export const defaultSettings: Settings = {
    chatModelId: null,
    embeddingModelId: null,
    rerankerModelId: null,
    contextSize: 4096,
    threads: null,
    learningMethod: "rag",
    learningBudgetMinutes: 0,
    setupDone: false,
    systemPrompt: defaultSystemPrompt,
    sampling: {},
    discourageThinking: false
};
