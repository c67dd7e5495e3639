import type { ChatSummary, EngineStatus, GenerationStopReason } from "./types.js";

/** Events the services push to the renderer. */
export type Events = {
    "engine.status": EngineStatus;
    "chats.changed": { chats: ChatSummary[] };
    "chat.token": { chatId: string; messageId: string; text: string };
    "chat.done": { chatId: string; messageId: string; reason: GenerationStopReason; error?: string };
};

export type EventName = keyof Events;
export type EventMessage = { [E in EventName]: { event: E; payload: Events[E] } }[EventName];

export const eventNames: readonly EventName[] = ["engine.status", "chats.changed", "chat.token", "chat.done"];

export function isEventName(name: unknown): name is EventName {
    return typeof name === "string" && (eventNames as readonly string[]).includes(name);
}
