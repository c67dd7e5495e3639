import type { ChatSummary, LocusApi } from "@common/contract";
import type { ErrorsState } from "./ErrorsState.svelte.js";

/** Newest activity first; ties by creation. */
function newestFirst(a: ChatSummary, b: ChatSummary): number {
    return b.updatedAt - a.updatedAt || b.createdAt - a.createdAt;
}

/** The chat list: its order, which chat is selected, inline rename and delete confirmation. */
export class ChatsState {
    items = $state<ChatSummary[]>([]);
    selectedId = $state<string | null>(null);
    /** The chat being renamed and the title typed so far. */
    editing = $state<{ chatId: string; title: string } | null>(null);
    /** The chat whose delete button was pressed and now asks for confirmation. */
    confirmingDeleteId = $state<string | null>(null);

    readonly sorted = $derived([...this.items].sort(newestFirst));
    readonly selected = $derived(this.items.find((chat) => chat.id === this.selectedId) ?? null);

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;

    constructor(api: LocusApi, errors: ErrorsState) {
        this.#api = api;
        this.#errors = errors;
    }

    async refresh(): Promise<void> {
        const chats = this.#errors.unwrap(await this.#api.chats.list({}));
        if (chats) this.items = chats;
    }

    applyList(chats: ChatSummary[]): void {
        this.items = chats;
    }

    async create(): Promise<ChatSummary | null> {
        const chat = this.#errors.unwrap(await this.#api.chats.create({}));
        if (!chat) return null;
        this.#upsert(chat);
        return chat;
    }

    startRename(chatId: string): void {
        const chat = this.items.find((item) => item.id === chatId);
        if (!chat) return;
        this.confirmingDeleteId = null;
        this.editing = { chatId, title: chat.title };
    }

    cancelRename(): void {
        this.editing = null;
    }

    async commitRename(): Promise<void> {
        const editing = this.editing;
        if (!editing) return;
        this.editing = null;
        const title = editing.title.trim();
        const current = this.items.find((item) => item.id === editing.chatId);
        if (!title || !current || current.title === title) return;
        const renamed = this.#errors.unwrap(await this.#api.chats.rename({ chatId: editing.chatId, title }));
        if (renamed) this.#upsert(renamed);
    }

    requestDelete(chatId: string): void {
        this.editing = null;
        this.confirmingDeleteId = chatId;
    }

    cancelDelete(): void {
        this.confirmingDeleteId = null;
    }

    /** Deletes the chat awaiting confirmation; returns whether it was deleted. */
    async confirmDelete(): Promise<boolean> {
        const chatId = this.confirmingDeleteId;
        this.confirmingDeleteId = null;
        if (!chatId) return false;
        const result = await this.#api.chats.delete({ chatId });
        if (!result.ok) {
            this.#errors.report(result.error);
            return false;
        }
        this.items = this.items.filter((chat) => chat.id !== chatId);
        return true;
    }

    #upsert(chat: ChatSummary): void {
        this.items = [...this.items.filter((item) => item.id !== chat.id), chat];
    }
}
