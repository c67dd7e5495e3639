import type { ChatDetail, ChatMessage, ChatMode, ChatSettings, Events, LocusApi, Result, SendResult } from "@common/contract";
import type { ErrorsState } from "./ErrorsState.svelte.js";
import { applyOutcome, outcomeOf, type MessageOutcome, type MessageView } from "./messageOutcome.js";

/** The answer being generated: its chat and, once known, the assistant message it writes. */
export type Generation = { chatId: string; messageId: string | null };

/** The question whose text is being edited in place, and the text so far. */
export type EditingMessage = { messageId: string; text: string };

/**
 * The open chat: the messages of the branch shown, its own settings, the composer's draft, the answer
 * streaming into it, and the actions on its messages (regenerate, edit, versions, delete).
 */
export class ConversationState {
    chatId = $state<string | null>(null);
    messages = $state<MessageView[]>([]);
    /** The open chat's own system prompt, sampling and attached documents (defaults while none is open). */
    settings = $state<ChatSettings>({ systemPrompt: null, sampling: null, documentIds: [] });
    loading = $state(false);
    draft = $state("");
    generation = $state<Generation | null>(null);
    editing = $state<EditingMessage | null>(null);
    /** The message whose delete button was pressed and now asks for confirmation. */
    confirmingDeleteId = $state<string | null>(null);

    readonly generating = $derived(this.generation !== null);
    /** Grows with the visible text, so the view can follow the end of a streaming answer. */
    readonly extent = $derived(
        this.messages.length + (this.messages.at(-1)?.content.length ?? 0) + (this.messages.at(-1)?.thinking?.text.length ?? 0)
    );
    /** The last answer shown, which regenerate (and its shortcut) acts on. */
    readonly lastAnswer = $derived(this.messages.findLast((message) => message.role === "assistant" && !message.id.startsWith("pending-")) ?? null);

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;
    #openTicket = 0;
    #placeholders = 0;
    #sendsInFlight = 0;
    /** Messages opened mid-answer, whose earlier tokens were missed: re-read when they finish. */
    readonly #missedTokens = new Set<string>();
    /** Outcomes that arrived before a send returned the assistant message's id. */
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
        if (chat) this.#show(chat);
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
        const sent = await this.#start(chatId, () => this.#api.chats.send({ chatId, text: content, mode, ...scope }));
        if (!sent) {
            this.messages = this.messages.filter((message) => message.id !== placeholderId);
            if (!this.draft) this.draft = text;
        }
    }

    /** A new version of this answer (the last one when no id is given); the old one stays one arrow away. `scope` as in send. */
    async regenerate(mode: ChatMode, messageId = this.lastAnswer?.id, scope: { collectionIds?: string[] } = {}): Promise<void> {
        const chatId = this.chatId;
        if (!chatId || !messageId || this.generating) return;
        await this.#start(chatId, () => this.#api.chats.regenerate({ chatId, messageId, mode, ...scope }));
    }

    startEdit(messageId: string): void {
        const message = this.#find(messageId);
        if (!message || message.role !== "user" || this.generating) return;
        this.confirmingDeleteId = null;
        this.editing = { messageId, text: message.content };
    }

    cancelEdit(): void {
        this.editing = null;
    }

    /** Sends the edited question as a new version; the conversation continues from it. Empty text is refused. */
    async commitEdit(mode: ChatMode, scope: { collectionIds?: string[] } = {}): Promise<void> {
        const editing = this.editing;
        const chatId = this.chatId;
        if (!editing || !chatId || this.generating) return;
        const text = editing.text.trim();
        if (!text) {
            this.#errors.report("An edited message cannot be empty. Type the question, or delete the message instead.");
            return;
        }
        this.editing = null;
        const sent = await this.#start(chatId, () => this.#api.chats.edit({ chatId, messageId: editing.messageId, text, mode, ...scope }));
        if (!sent) this.editing = editing;
    }

    /** Shows another version of a message, and the branch that follows it. */
    async showVersion(messageId: string): Promise<void> {
        const chatId = this.chatId;
        if (!chatId || this.generating) return;
        const chat = this.#errors.unwrap(await this.#api.chats.switchVersion({ chatId, messageId }));
        if (chat && chat.id === this.chatId) this.#show(chat);
    }

    requestDelete(messageId: string): void {
        this.editing = null;
        this.confirmingDeleteId = messageId;
    }

    cancelDelete(): void {
        this.confirmingDeleteId = null;
    }

    /** Deletes the question-answer pair awaiting confirmation; what followed it stays. */
    async confirmDelete(): Promise<void> {
        const messageId = this.confirmingDeleteId;
        const chatId = this.chatId;
        this.confirmingDeleteId = null;
        if (!messageId || !chatId) return;
        const chat = this.#errors.unwrap(await this.#api.chats.deletePair({ chatId, messageId }));
        if (chat && chat.id === this.chatId) this.#show(chat);
    }

    /** A chat's settings changed (system prompt, sampling, documents): the returned chat is the truth. */
    applySettings(chat: ChatDetail): void {
        if (chat.id !== this.chatId) return;
        this.settings = { systemPrompt: chat.systemPrompt, sampling: chat.sampling, documentIds: chat.documentIds };
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

    appendToken({ chatId, messageId, text, part }: Events["chat.token"]): void {
        if (this.generation?.messageId !== messageId) this.generation = { chatId, messageId };
        if (chatId !== this.chatId) return;
        if (this.loading) {
            this.#missedTokens.add(messageId);
            return;
        }
        let message = this.#find(messageId);
        if (!message) {
            this.messages.push({ id: messageId, chatId, role: "assistant", content: "", status: "streaming", createdAt: Date.now() });
            message = this.messages.at(-1)!;
        }
        if (part === "thinking") message.thinking = { text: (message.thinking?.text ?? "") + text, seconds: null };
        else message.content += text;
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

    /**
     * Runs a call that starts an answer (send, regenerate, edit), then shows the branch it returns with
     * the answer streaming into it. Returns whether the call was accepted.
     */
    async #start(chatId: string, call: () => Promise<Result<SendResult>>): Promise<boolean> {
        this.generation = { chatId, messageId: null };
        this.#sendsInFlight++;
        const result = await call();
        this.#sendsInFlight--;
        const waiting = this.generation?.chatId === chatId && this.generation.messageId === null;
        if (!result.ok) {
            if (waiting) this.generation = null;
            this.#errors.report(result.error);
            return false;
        }
        const { assistantMessageId, chat } = result.value;
        const early = this.#earlyOutcomes.get(assistantMessageId);
        this.#earlyOutcomes.delete(assistantMessageId);
        if (waiting) this.generation = early ? null : { chatId, messageId: assistantMessageId };
        if (this.chatId !== chatId) return true;
        this.#show(chat, true);
        const answer = this.#find(assistantMessageId);
        if (answer && early) applyOutcome(answer, early);
        return true;
    }

    #startShowing(chatId: string | null): number {
        this.chatId = chatId;
        this.messages = [];
        this.settings = { systemPrompt: null, sampling: null, documentIds: [] };
        this.loading = false;
        this.editing = null;
        this.confirmingDeleteId = null;
        this.#missedTokens.clear();
        return ++this.#openTicket;
    }

    /**
     * Shows a chat as stored. `live`: it was read while an answer of this view streams, so text already
     * streamed into a message (tokens can overtake the call's reply) is kept when longer.
     */
    #show(chat: ChatDetail, live = false): void {
        const shown = new Map(this.messages.map((message) => [message.id, message]));
        this.messages = chat.messages.map((message: ChatMessage): MessageView => {
            const current = live ? shown.get(message.id) : undefined;
            if (!current || current.content.length <= message.content.length) return { ...message };
            return { ...message, content: current.content, ...(current.thinking ? { thinking: current.thinking } : {}) };
        });
        this.settings = { systemPrompt: chat.systemPrompt, sampling: chat.sampling, documentIds: chat.documentIds };
        if (live) return;
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
        Object.assign(shown, stored);
    }

    #find(messageId: string): MessageView | undefined {
        return this.messages.find((message) => message.id === messageId);
    }
}
