import type { ChatMode } from "./types.js";

/** Plain data of the chat's working tools: sampling, figures, versions, search and export. No Node, Electron or DOM. */

/**
 * How the model picks its words. Every field is optional: an absent field takes the next default
 * (the chat's own, then Settings, then the model file's, then Locus's).
 */
export type SamplingSettings = {
    /** 0 picks the most likely word every time (reproducible); higher is more varied. */
    temperature?: number;
    /** Keep the smallest set of words whose probabilities add up to this (1: all). */
    topP?: number;
    /** Keep only this many most likely words (0: all). */
    topK?: number;
    /** Drop words less likely than this share of the most likely one (0: none). */
    minP?: number;
    /** Discourage repeating recent words (1: no penalty). */
    repeatPenalty?: number;
    /** Longest answer, in tokens. */
    maxTokens?: number;
    /** Same seed, same settings, same question: the same answer. null: a new seed every time. */
    seed?: number | null;
};

export type SamplingField = keyof SamplingSettings;

/** The allowed range of each sampling value, for the schema that checks them and the form that edits them. */
export const samplingLimits = {
    temperature: { min: 0, max: 2, step: 0.05, integer: false },
    topP: { min: 0, max: 1, step: 0.01, integer: false },
    topK: { min: 0, max: 500, step: 1, integer: true },
    minP: { min: 0, max: 1, step: 0.01, integer: false },
    repeatPenalty: { min: 1, max: 2, step: 0.01, integer: false },
    maxTokens: { min: 16, max: 32_768, step: 16, integer: true },
    seed: { min: 0, max: 4_294_967_295, step: 1, integer: true }
} as const satisfies Record<SamplingField, { min: number; max: number; step: number; integer: boolean }>;

export const samplingFields = Object.keys(samplingLimits) as SamplingField[];

/** Where an effective sampling value came from. */
export type SamplingSource = "chat" | "settings" | "model" | "library" | "locus";

/** The values an answer would use, each with where it came from. */
export type EffectiveSampling = {
    values: { [F in Exclude<SamplingField, "seed">]-?: number } & { seed: number | null };
    from: { [F in SamplingField]-?: SamplingSource };
};

/** What the Advanced panel shows for a chat: the effective values in each mode, and the model file's own advice. */
export type SamplingDefaults = {
    chat: EffectiveSampling;
    library: EffectiveSampling;
    /** Values the loaded model's file recommends (GGUF `general.sampling.*`); empty when it carries none or nothing is loaded. */
    model: SamplingSettings;
    modelName: string | null;
};

/** Figures of one answer, shown discreetly under it. */
export type AnswerFigures = {
    /** From the question being stored to the first token (retrieval and reading the prompt included). */
    firstTokenMs: number | null;
    /** Tokens generated, thinking included. */
    tokens: number;
    tokensPerSecond: number | null;
    mode: ChatMode;
    /** Library answers: sources given to the model. */
    sources?: number;
    /** The LoRA adapter applied, by name. */
    adapter?: string;
    modelName?: string;
    /** Earlier messages left out because the conversation no longer fit the model's context. */
    leftOut?: number;
    /** The sampling used (seed included when one was set). */
    sampling?: EffectiveSampling["values"];
};

/** A thinking model's reasoning before its answer; kept apart from the answer. */
export type Thinking = { text: string; seconds: number | null };

/** A chat's own settings; null means "use the default". */
export type ChatSettings = {
    systemPrompt: string | null;
    sampling: SamplingSettings | null;
    /** Library documents this chat's library questions are limited to (empty: the whole library). */
    documentIds: string[];
};

/** A chat found by chats.search. */
export type ChatSearchHit = {
    chatId: string;
    title: string;
    /** A short passage around the first match, or the title when only the title matched. */
    snippet: string;
    /** The message that matched best, when a message did. */
    messageId: string | null;
    updatedAt: number;
};

export type ChatExportFormat = "markdown" | "json";

/** An exported chat, ready to save as a file. */
export type ChatExport = { fileName: string; mimeType: string; content: string };

/** A ready-made system prompt; `mode` "library" also switches the chat to answering from the library. */
export type SystemPromptPreset = { id: string; label: string; prompt: string; mode?: ChatMode };

/** The prompt chats use when neither the chat nor Settings says otherwise. */
export const defaultSystemPrompt =
    "You are Locus, a private assistant that runs entirely on this computer. Answer clearly and concisely.";

export const systemPromptPresets: readonly SystemPromptPreset[] = [
    { id: "default", label: "Locus (default)", prompt: defaultSystemPrompt },
    {
        id: "concise", label: "Concise",
        prompt: "Answer in as few words as the question allows. No preamble, no summary at the end; use a list only when it is shorter."
    },
    {
        id: "teacher", label: "Explain like a teacher",
        prompt: "Explain like a patient teacher: start from what the person likely knows, build up step by step, give one concrete example, and end with a one-sentence recap."
    },
    {
        id: "library-only", label: "Answer only from my library", mode: "library",
        prompt: "Answer only from the person's documents. If they do not contain the answer, say so plainly instead of guessing."
    }
];

/** Limits of an attached file sent from the renderer in pieces. */
export const attachmentLimits = { maxBytes: 50 * 1024 * 1024, chunkBytes: 512 * 1024 } as const;
