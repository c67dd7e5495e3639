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
    /** How Locus answers from the library: search it (RAG), use a learned adapter, both, or neither (set by the Advisor's Apply). */
    learningMethod: "none" | "rag" | "lora" | "rag+lora";
    learningBudgetMinutes: number;
    /** The first-run wizard was finished or skipped. */
    setupDone: boolean;
    /** Per-document limits of the parser (see documentLimitBounds): larger files fail with a reason. */
    maxDocumentMegabytes: number;
    maxDocumentPages: number;
    /** Most a zip-based document (DOCX, ...) may inflate to: guards against zip bombs. */
    maxInflatedMegabytes: number;
    parseTimeoutSeconds: number;
    /** Most pages of a scanned PDF read by text recognition (OCR), which takes seconds per page. */
    maxScannedPages: number;
    /** Most messages read from one mailbox (.mbox); each becomes a document of its own. */
    maxMailboxMessages: number;
    /** Pictures (PNG, JPEG) found in added and watched folders are read by text recognition too (about a second each). */
    readPicturesInFolders: boolean;
    /** Languages text recognition reads scanned pages and images in (codes of ocrLanguageChoices). */
    ocrLanguages: OcrLanguageCode[];
    /** The system prompt of chats that have none of their own. */
    systemPrompt: string;
    /** Sampling for every chat, over the model's and Locus's defaults; a chat's own settings win. */
    sampling: SamplingSettings;
    /** Ask thinking models (Qwen3, DeepSeek-R1, ...) to answer without a thinking section. */
    discourageThinking: boolean;
};

/**
 * Languages whose recognition data ships with Locus (npm packages @tesseract.js-data/<code>, read from
 * disk, never downloaded): the choices Settings offers.
 */
export const ocrLanguageChoices = [
    { code: "eng", name: "English" },
    { code: "fra", name: "French" }
] as const;
export type OcrLanguageCode = (typeof ocrLanguageChoices)[number]["code"];

/** Safe bounds of the document limits: the parser process has a 2 GB heap, and a zip's sizes are 32-bit. */
export const documentLimitBounds = {
    maxDocumentMegabytes: { min: 1, max: 2048 },
    maxDocumentPages: { min: 1, max: 100_000 },
    maxInflatedMegabytes: { min: 1, max: 3072 },
    parseTimeoutSeconds: { min: 5, max: 3600 },
    maxScannedPages: { min: 1, max: 10_000 },
    // Each message is a row in the library; past this a mailbox is better split by folder.
    maxMailboxMessages: { min: 1, max: 200_000 }
} as const;

export const defaultSettings: Settings = {
    chatModelId: null,
    embeddingModelId: null,
    rerankerModelId: null,
    contextSize: 4096,
    threads: null,
    learningMethod: "rag",
    learningBudgetMinutes: 0,
    setupDone: false,
    maxDocumentMegabytes: 512,
    maxDocumentPages: 5_000,
    maxInflatedMegabytes: 200,
    parseTimeoutSeconds: 120,
    maxScannedPages: 200,
    maxMailboxMessages: 20_000,
    readPicturesInFolders: false,
    ocrLanguages: ["eng"],
    systemPrompt: defaultSystemPrompt,
    sampling: {},
    discourageThinking: false
};
