import type { ChatExport, ChatExportFormat, LocusApi } from "@common/contract";
import type { ConversationState } from "../ConversationState.svelte.js";
import type { ErrorsState } from "../ErrorsState.svelte.js";
import type { SettingsState } from "../setup/index.js";
import { AttachmentsState } from "./AttachmentsState.svelte.js";
import { ChatDefaultsState } from "./ChatDefaultsState.svelte.js";
import { ChatSearchState } from "./ChatSearchState.svelte.js";
import { ChatSettingsState } from "./ChatSettingsState.svelte.js";

/** What the chat offers around its messages: its settings, search, attachments, export, shortcuts help. */
export class ChatToolsState {
    readonly settings: ChatSettingsState;
    readonly search: ChatSearchState;
    readonly attachments: AttachmentsState;
    readonly defaults: ChatDefaultsState;
    helpOpen = $state(false);
    /** Bumped to ask the message box to take focus (the shortcut). */
    composerFocusRequests = $state(0);

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;
    readonly #conversation: ConversationState;

    constructor(api: LocusApi, errors: ErrorsState, conversation: ConversationState, settings: SettingsState) {
        this.#api = api;
        this.#errors = errors;
        this.#conversation = conversation;
        this.settings = new ChatSettingsState(api, errors, conversation);
        this.search = new ChatSearchState(api, errors);
        this.attachments = new AttachmentsState(api, errors);
        this.defaults = new ChatDefaultsState(api, errors, settings);
    }

    focusComposer(): void {
        this.composerFocusRequests++;
    }

    /** The open chat as a file to save, or null (nothing open, or it failed and was reported). */
    async export(format: ChatExportFormat, includeThinking: boolean): Promise<ChatExport | null> {
        const chatId = this.#conversation.chatId;
        if (!chatId) return null;
        return this.#errors.unwrap(await this.#api.chats.export({ chatId, format, includeThinking })) ?? null;
    }
}
