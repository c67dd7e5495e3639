import type { ChatMessage, Events, MessageStatus } from "@common/contract";

/** A message as the chat view shows it: the stored message plus a note the UI adds. */
export type MessageView = ChatMessage & { notice?: string };

/** How a finished generation leaves its message. */
export type MessageOutcome = { status: MessageStatus; error?: string; notice?: string };

export function outcomeOf(done: Events["chat.done"]): MessageOutcome {
    switch (done.reason) {
        case "done":
            return { status: "done" };
        case "stopped":
            return { status: "stopped" };
        case "max-tokens":
            return { status: "done", notice: "Reached the length limit" };
        case "error":
            return { status: "error", error: done.error ?? "The answer could not be completed." };
    }
}

export function applyOutcome(message: MessageView, outcome: MessageOutcome): void {
    message.status = outcome.status;
    if (outcome.error !== undefined) message.error = outcome.error;
    if (outcome.notice !== undefined) message.notice = outcome.notice;
}
