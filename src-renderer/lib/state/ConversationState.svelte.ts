import type { ChatMessage, ChatMode, Events, LocusApi } from "@common/contract";
import type { ErrorsState } from "./ErrorsState.svelte.js";
import { applyOutcome, outcomeOf, type MessageOutcome, type MessageView } from "./messageOutcome.js";

/** The answer being generated: its chat and, once known, the assistant message it writes. */
export type Generation = { chatId: string; messageId: string | null };

/** The open chat's messages, the composer's draft, and the answer streaming into it. */
export class ConversationState {
    chatId = $state<string | null>(null);
    messages = $state<MessageView[]>([]);
    loading = $state(false);
    draft = $state("");
    generation = $state<Generation | null>(null);

    readonly generating = $derived(this.generation !== null);
    /** Grows with the visible text, so the view can follow the end of a streaming answer. */
    readonly extent = $derived(this.messages.length + (this.messages.at(-1)?.content.length ?? 0));

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;
    #openTicket = 0;
    #placeholders = 0;
    #sendsInFlight = 0;
    /** Messages opened mid-answer, whose earlier tokens were missed: re-read when they finish. */
    readonly #missedTokens = new Set<string>();
    /** Outcomes that arrived before `chats.send` returned the assistant message's id. */
    readonly #earlyOutcomes = new Map<string, MessageOutcome>();

    constructor(api: LocusApi, errors: ErrorsState) {
        this.#api = api;
        this.#errors = errors;
    }

    async open(chatId: string | null): Promise<void> {
        const ticket = this.#startShowing(chatId);
        if (!chatId) return;
        this.loading = true;
        const result = await this.#api.chats.get({ chatId });
        if (ticket !== this.#openTicket) return;
        this.loading = false;
        const chat = this.#errors.unwrap(result);
        if (chat) this.#show(chat.messages);
    }

    /** Shows a chat known to be empty (just created) without asking for it. */
    showEmpty(chatId: string): void {
        this.#startShowing(chatId);
    }

    /** After a reconnect: events may have been missed, so the stored state is the truth again. */
    async reload(chatId: string | null): Promise<void> {
        this.generation = null;
        await this.open(chatId);
    }

    /** `mode` "library" asks for an answer grounded in the documents, with citations. */
    /** `scope`: library questions search only these collections (none: the whole library). */
    async send(chatId: string, text: string, mode: ChatMode = "chat", scope: { collectionIds?: string[] } = {}): Promise<void> {
        const content = text.trim();
        if (!content || this.generating) return;
        const placeholderId = `pending-${++this.#placeholders}`;
        if (this.chatId === chatId) {
            this.messages.push({ id: placeholderId, chatId, role: "user", content, status: "done", createdAt: Date.now() });
        }
        this.draft = "";
        this.generation = { chatId, messageId: null };
        this.#sendsInFlight++;
        const result = await this.#api.chats.send({ chatId, text: content, mode, ...scope });
        this.#sendsInFlight--;
        const waiting = this.generation?.chatId === chatId && this.generation.messageId === null;
        if (!result.ok) {
            this.messages = this.messages.filter((message) => message.id !== placeholderId);
            if (!this.draft) this.draft = text;
            if (waiting) this.generation = null;
            this.#errors.report(result.error);
            return;
        }
        const { userMessageId, assistantMessageId } = result.value;
        const early = this.#earlyOutcomes.get(assistantMessageId);
        this.#earlyOutcomes.delete(assistantMessageId);
        if (waiting) this.generation = early ? null : { chatId, messageId: assistantMessageId };
        if (this.chatId !== chatId) return;
        const sent = this.#find(placeholderId);
        if (sent) sent.id = userMessageId;
        if (!this.#find(assistantMessageId)) {
            const answer: MessageView = {
                id: assistantMessageId,
                chatId,
                role: "assistant",
                content: "",
                status: "streaming",
                createdAt: Date.now()
            };
            if (early) applyOutcome(answer, early);
            this.messages.push(answer);
        }
    }

    async stop(): Promise<void> {
        const generation = this.generation;
        if (!generation) return;
        const result = await this.#api.chats.stop({ chatId: generation.chatId });
        if (!result.ok) {
            this.#errors.report(result.error);
            // Do not leave the composer locked behind an answer the service no longer knows about.
            if (this.generation === generation) this.generation = null;
        }
    }

    appendToken({ chatId, messageId, text }: Events["chat.token"]): void {
        if (this.generation?.messageId !== messageId) this.generation = { chatId, messageId };
        if (chatId !== this.chatId) return;
        if (this.loading) {
            this.#missedTokens.add(messageId);
            return;
        }
        const message = this.#find(messageId);
        if (message) message.content += text;
        else this.messages.push({ id: messageId, chatId, role: "assistant", content: text, status: "streaming", createdAt: Date.now() });
    }

    finish(done: Events["chat.done"]): void {
        const outcome = outcomeOf(done);
        const generation = this.generation;
        if (generation?.chatId === done.chatId && (generation.messageId ?? done.messageId) === done.messageId) {
            this.generation = null;
        }
        const message = done.chatId === this.chatId ? this.#find(done.messageId) : undefined;
        if (message) applyOutcome(message, outcome);
        else if (this.#sendsInFlight > 0) this.#earlyOutcomes.set(done.messageId, outcome);
        if (this.#missedTokens.delete(done.messageId)) void this.#reread(done.chatId, done.messageId);
    }

    #startShowing(chatId: string | null): number {
        this.chatId = chatId;
        this.messages = [];
        this.loading = false;
        this.#missedTokens.clear();
        return ++this.#openTicket;
    }

    #show(messages: ChatMessage[]): void {
        this.messages = messages.map((message) => ({ ...message }));
        for (const message of this.messages) {
            if (message.status !== "streaming") continue;
            this.#missedTokens.add(message.id);
            this.generation ??= { chatId: message.chatId, messageId: message.id };
        }
    }

    async #reread(chatId: string, messageId: string): Promise<void> {
        const result = await this.#api.chats.get({ chatId });
        if (!result.ok || this.chatId !== chatId) return;
        const stored = result.value.messages.find((message) => message.id === messageId);
        const shown = this.#find(messageId);
        if (!stored || !shown) return;
        shown.content = stored.content;
        if (stored.status !== "streaming") shown.status = stored.status;
        if (stored.error !== undefined) shown.error = stored.error;
        if (stored.citations !== undefined) shown.citations = stored.citations;
    }

    #find(messageId: string): MessageView | undefined {
        return this.messages.find((message) => message.id === messageId);
    }
}
