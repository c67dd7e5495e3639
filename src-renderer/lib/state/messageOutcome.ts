import type { AnswerFigures, ChatMessage, Citation, Events, MessageStatus, Thinking } from "@common/contract";

/** A message as the chat view shows it: the stored message plus a note the UI adds. */
export type MessageView = ChatMessage & { notice?: string };

/**
 * How a finished generation leaves its message. A library answer also brings its final text
 * (citations of no real source removed) and the citations it kept; every answer brings the message as
 * stored (thinking, figures, versions).
 */
export type MessageOutcome = {
    status: MessageStatus; error?: string; notice?: string; content?: string; citations?: Citation[];
    thinking?: Thinking; figures?: AnswerFigures; versions?: string[];
};

export function outcomeOf(done: Events["chat.done"]): MessageOutcome {
    const outcome = statusOf(done);
    const stored = done.message;
    const content = stored?.content ?? done.content;
    if (content !== undefined) outcome.content = content;
    const citations = stored?.citations ?? done.citations;
    if (citations !== undefined) outcome.citations = citations;
    if (stored?.thinking !== undefined) outcome.thinking = stored.thinking;
    if (stored?.figures !== undefined) outcome.figures = stored.figures;
    if (stored?.versions !== undefined) outcome.versions = stored.versions;
    const notice = stored?.notice ?? done.notice;
    if (notice !== undefined) outcome.notice = outcome.notice === undefined ? notice : `${outcome.notice}. ${notice}`;
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
    if (outcome.thinking !== undefined) message.thinking = outcome.thinking;
    if (outcome.figures !== undefined) message.figures = outcome.figures;
    if (outcome.versions !== undefined) message.versions = outcome.versions;
}
