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
};

export type ChatDetail = ChatSummary & { messages: ChatMessage[] };

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
};

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
};

export type HostCapabilities = {
    /** Electron: model files are chosen in a native open dialog. */
    nativeFileDialog: boolean;
    /** Browser host: the person may type a path to a local file. */
    pathEntry: boolean;
};

export type AppInfo = {
    version: string;
    host: "electron" | "browser";
    capabilities: HostCapabilities;
    cpuThreads: number;
};

export type GenerationStopReason = "done" | "stopped" | "max-tokens" | "error";
