import type { ChatMessage, Citation, Events, MessageStatus } from "@common/contract";

/** A message as the chat view shows it: the stored message plus a note the UI adds. */
export type MessageView = ChatMessage & { notice?: string };

/**
 * How a finished generation leaves its message. A library answer also brings its final text
 * (citations of no real source removed) and the citations it kept.
 */
export type MessageOutcome = { status: MessageStatus; error?: string; notice?: string; content?: string; citations?: Citation[] };

export function outcomeOf(done: Events["chat.done"]): MessageOutcome {
    const outcome = statusOf(done);
    if (done.content !== undefined) outcome.content = done.content;
    if (done.citations !== undefined) outcome.citations = done.citations;
    if (done.notice !== undefined) outcome.notice = outcome.notice === undefined ? done.notice : `${outcome.notice}. ${done.notice}`;
    return outcome;
}

function statusOf(done: Events["chat.done"]): MessageOutcome {
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
    // The streamed text may still hold markers the services dropped: the final text replaces it.
    if (outcome.content !== undefined) message.content = outcome.content;
    if (outcome.citations !== undefined) message.citations = outcome.citations;
}
