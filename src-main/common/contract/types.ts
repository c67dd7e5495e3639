import type { FitResult } from "../setup/types.js";
import type { AnswerFigures, ChatSettings, Thinking } from "./chatTypes.js";
import type { Citation } from "./libraryTypes.js";

/** Plain data exchanged between the services and the renderer. No Node, Electron or DOM types. */

export type ChatSummary = {
    id: string;
    title: string;
    createdAt: number;
    updatedAt: number;
};

export type MessageRole = "user" | "assistant";

/** `streaming` rows are being written; a row left `streaming` by a crash becomes `interrupted`. */
export type MessageStatus = "streaming" | "done" | "stopped" | "error" | "interrupted";

export type ChatMode = "chat" | "library";

export type ChatMessage = {
    id: string;
    chatId: string;
    role: MessageRole;
    content: string;
    status: MessageStatus;
    createdAt: number;
    error?: string;
    /** Answers in library mode: the sources the answer cites, each pointing at an exact place. */
    citations?: Citation[];
    /** The message this one follows (null for a chat's first question). */
    parentId?: string | null;
    /** Ids of this message's versions, itself included, oldest first (regenerated answers, edited questions); absent when there is one. */
    versions?: string[];
    /** A thinking model's reasoning, kept apart from the answer. */
    thinking?: Thinking;
    /** How the answer was made: speed, tokens, library or adapter used. */
    figures?: AnswerFigures;
    /** Something the person should know about this answer (e.g. older messages were left out to fit the context). */
    notice?: string;
};

/** A chat, its settings, and the messages of the branch shown (each step's latest-chosen version). */
export type ChatDetail = ChatSummary & { messages: ChatMessage[] } & ChatSettings;

export type ModelInfo = {
    id: string;
    /** File name only: the renderer never sees full paths. */
    fileName: string;
    displayName: string;
    architecture: string;
    sizeBytes: number;
    parameterCountLabel?: string;
    addedAt: number;
    /** What the model is for: chat models answer, embedding models index documents, rerankers reorder passages. */
    role: "chat" | "embedding" | "reranker";
    /** SHA-256 of the file (64 hex digits), recorded when it was added; absent for models added before Locus kept it. */
    sha256?: string;
    /**
     * Where the hash came from: "computed" by Locus from a file the person imported, or a download checked
     * against the hash its "catalog" entry or the "hub" (the repository's LFS object id) publishes.
     */
    sha256Source?: "computed" | "catalog" | "hub";
    /**
     * How the model fits this computer at the context size in settings, worked out from the file's GGUF
     * header. Absent while that is under way (it takes a second or more): a `models.changed` follows.
     */
    fit?: ModelFit;
};

/** A model file's fit: "checked" with the wizard's figures, or "failed" with the reason in words. */
export type ModelFit =
    | { state: "checked"; result: FitResult }
    | { state: "failed"; reason: string };

export type EngineState = "idle" | "loading" | "ready" | "error";

export type EngineStatus = {
    state: EngineState;
    modelId: string | null;
    /** 0..1 while loading. */
    loadProgress: number;
    threads: number;
    contextSize: number | null;
    chatWrapper: string | null;
    error: string | null;
    /** The LoRA adapter chat uses on top of the model, if any. */
    adapter?: { id: string; name: string; scale: number } | null;
    /** Why the active adapter is not applied (trained on another model, file missing), in words; else null. */
    adapterNote?: string | null;
};

export type HostCapabilities = {
    /** Electron: model files are chosen in a native open dialog. */
    nativeFileDialog: boolean;
    /** Browser host: the person may type a path to a local file. */
    pathEntry: boolean;
};

/**
 * A part of the installation that is missing or does not load (a deleted file, an installer built without
 * it): the app starts without it, and says what it disables and what to do.
 */
export type MissingPart = {
    part: "vector-search" | "trainer" | "llama-runtime";
    /** What is missing, in words, with the file looked for and why it did not load. */
    problem: string;
    /** What does not work without it; everything else does. */
    disables: string;
    /** What the person can do. */
    fix: string;
};

export type AppInfo = {
    version: string;
    host: "electron" | "browser";
    capabilities: HostCapabilities;
    cpuThreads: number;
    /** Parts of the installation that are missing; empty when it is complete. */
    missingParts: MissingPart[];
};

export type GenerationStopReason = "done" | "stopped" | "max-tokens" | "error";
