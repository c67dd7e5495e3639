import type { ApiStatus } from "./apiTypes.js";
import type { AdvisorRunInfo } from "./advisorTypes.js";
import type { AdapterInfo, TrainingRunInfo } from "./personalizeTypes.js";
import type { Citation, CollectionInfo, IngestProgress, LibraryDocumentInfo } from "./libraryTypes.js";
import type { DownloadJob } from "./setupTypes.js";
import type { ChatMessage, ChatSummary, EngineStatus, GenerationStopReason, ModelInfo } from "./types.js";

/** Events the services push to the renderer. */
export type Events = {
    "engine.status": EngineStatus;
    "chats.changed": { chats: ChatSummary[] };
    /** `part` "thinking": the text belongs to a thinking model's reasoning, not to the answer. */
    "chat.token": { chatId: string; messageId: string; text: string; part?: "thinking" };
    /** The answer ended; `content` is its final text (citations of no real source removed) when it differs from the streamed text. */
    "chat.done": {
        chatId: string; messageId: string; reason: GenerationStopReason; error?: string;
        content?: string; citations?: Citation[];
        /** Something to know about how a library answer was found (e.g. it was not reranked, and why). */
        notice?: string;
        /** The answer as stored: final text, thinking, figures, citations. */
        message?: ChatMessage;
    };
    /** A download changed state or made progress (at most a few times a second). */
    "downloads.changed": DownloadJob;
    /** Documents were added, removed or changed state. */
    "library.changed": { documents: LibraryDocumentInfo[] };
    "library.progress": IngestProgress;
    /** Collections were created, renamed, deleted, or their documents changed. */
    "collections.changed": { collections: CollectionInfo[] };
    /** The list of models changed (a download finished, a file was imported or removed, a model's fit was worked out). */
    "models.changed": { models: ModelInfo[] };
    /** The training run changed state or made progress (about once per optimizer step). */
    "training.progress": TrainingRunInfo;
    /** An adapter was added, removed, renamed, activated, deactivated or rescaled. */
    "adapters.changed": { adapters: AdapterInfo[] };
    /** The local API started, stopped, failed to start, or got a new token. */
    "api.status": ApiStatus;
    /** The Advisor's run made progress, ended, or was applied (at most about once a second while it measures). */
    "advisor.progress": AdvisorRunInfo;
};

export type EventName = keyof Events;
export type EventMessage = { [E in EventName]: { event: E; payload: Events[E] } }[EventName];

export const eventNames: readonly EventName[] = [
    "engine.status", "chats.changed", "chat.token", "chat.done", "downloads.changed", "models.changed", "library.changed", "library.progress",
    "training.progress", "adapters.changed", "api.status", "advisor.progress", "collections.changed"
];

export function isEventName(name: unknown): name is EventName {
    return typeof name === "string" && (eventNames as readonly string[]).includes(name);
}
