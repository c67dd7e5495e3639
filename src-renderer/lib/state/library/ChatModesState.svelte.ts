import type { ChatMode } from "@common/contract";
import type { KeyValueStore } from "../setup/index.js";
import { parseChatModes, withChatMode, withoutChat, type ChatModes } from "./chatModes.js";

const storageKey = "locus.chatModes.v1";

/**
 * Whether each chat answers freely or from the library, remembered on this computer. With no chat
 * selected (and for new chats) the mode is the one the person chose last.
 */
export class ChatModesState {
    #modes = $state<ChatModes>({ byChat: {}, last: "chat" });
    readonly #store: KeyValueStore;

    constructor(store: KeyValueStore) {
        this.#store = store;
        this.#modes = parseChatModes(store.get(storageKey));
    }

    modeOf(chatId: string | null): ChatMode {
        return chatId === null ? this.#modes.last : (this.#modes.byChat[chatId] ?? "chat");
    }

    set(chatId: string | null, mode: ChatMode): void {
        this.#write(chatId === null ? { ...this.#modes, last: mode } : withChatMode(this.#modes, chatId, mode));
    }

    /** A chat just created starts in the mode chosen last. */
    adopt(chatId: string): void {
        this.set(chatId, this.#modes.last);
    }

    forget(chatId: string): void {
        if (chatId in this.#modes.byChat) this.#write(withoutChat(this.#modes, chatId));
    }

    #write(modes: ChatModes): void {
        this.#modes = modes;
        this.#store.set(storageKey, JSON.stringify(modes));
    }
}
