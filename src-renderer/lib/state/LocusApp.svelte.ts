import type { AppInfo, ChatSummary, LocusApi } from "@common/contract";
import type { LocusConnection } from "../transport/index.js";
import { ChatsState } from "./ChatsState.svelte.js";
import { ConnectionState } from "./ConnectionState.svelte.js";
import { ConversationState } from "./ConversationState.svelte.js";
import { ErrorsState } from "./ErrorsState.svelte.js";
import { ModelsState } from "./ModelsState.svelte.js";

/** The renderer's root state: owns the parts and the actions that span several of them. */
export class LocusApp {
    readonly errors = new ErrorsState();
    readonly connection: ConnectionState;
    readonly models: ModelsState;
    readonly chats: ChatsState;
    readonly conversation: ConversationState;
    info = $state<AppInfo | null>(null);
    /** True while a chat is being created for a message sent with no chat selected. */
    preparing = $state(false);

    readonly #api: LocusApi;
    readonly #link: LocusConnection;

    constructor(api: LocusApi, link: LocusConnection) {
        this.#api = api;
        this.#link = link;
        this.connection = new ConnectionState(link);
        this.models = new ModelsState(api, this.errors);
        this.chats = new ChatsState(api, this.errors);
        this.conversation = new ConversationState(api, this.errors);
    }

    /** Why a message cannot be sent now, as a hint for the person; null when it can. */
    get sendBlocker(): string | null {
        if (!this.connection.open) return "Not connected to Locus";
        if (this.models.loading) return "Loading the model…";
        if (!this.models.ready) return "Load a model to start";
        return null;
    }

    get canSend(): boolean {
        const { generating, draft } = this.conversation;
        return this.sendBlocker === null && !generating && !this.preparing && draft.trim() !== "";
    }

    /** Subscribes to the services' events and loads everything once connected; returns a disposer. */
    start(): () => void {
        const api = this.#api;
        const stops = [
            api.on("engine.status", (status) => this.models.applyStatus(status)),
            api.on("chats.changed", ({ chats }) => this.#applyChats(chats)),
            api.on("chat.token", (token) => this.conversation.appendToken(token)),
            api.on("chat.done", (done) => this.conversation.finish(done)),
            // Also after a reconnect: events were missed meanwhile, so everything is read again.
            this.#link.onStatus((status) => {
                if (status === "open") void this.refresh();
            })
        ];
        if (this.#link.status === "open") void this.refresh();
        return () => {
            for (const stop of stops) stop();
        };
    }

    async refresh(): Promise<void> {
        const info = this.errors.unwrap(await this.#api.app.info({}));
        if (info) {
            this.info = info;
            this.models.capabilities = info.capabilities;
        }
        await Promise.all([this.models.refresh(), this.chats.refresh()]);
        const selected = this.chats.selected?.id ?? this.chats.sorted[0]?.id ?? null;
        this.chats.selectedId = selected;
        await this.conversation.reload(selected);
    }

    selectChat(chatId: string): void {
        if (this.chats.selectedId === chatId && this.conversation.chatId === chatId) return;
        this.chats.selectedId = chatId;
        void this.conversation.open(chatId);
    }

    /** Creates a chat and opens it; returns its id, or null when creation failed (already reported). */
    async newChat(): Promise<string | null> {
        const chat = await this.chats.create();
        if (!chat) return null;
        this.chats.selectedId = chat.id;
        this.conversation.showEmpty(chat.id);
        return chat.id;
    }

    async confirmDeleteChat(): Promise<void> {
        const chatId = this.chats.confirmingDeleteId;
        const deleted = await this.chats.confirmDelete();
        if (deleted && chatId === this.chats.selectedId) this.#selectFallback();
    }

    /** Sends the draft to the selected chat, creating a chat first when none is selected. */
    async send(): Promise<void> {
        if (!this.canSend) return;
        const text = this.conversation.draft;
        let chatId = this.chats.selectedId;
        if (!chatId) {
            this.preparing = true;
            try {
                chatId = await this.newChat();
            } finally {
                this.preparing = false;
            }
            if (!chatId) return;
        }
        await this.conversation.send(chatId, text);
    }

    #applyChats(chats: ChatSummary[]): void {
        this.chats.applyList(chats);
        if (this.chats.selectedId !== null && !this.chats.selected) this.#selectFallback();
    }

    #selectFallback(): void {
        const next = this.chats.sorted[0]?.id ?? null;
        this.chats.selectedId = next;
        void this.conversation.open(next);
    }
}
