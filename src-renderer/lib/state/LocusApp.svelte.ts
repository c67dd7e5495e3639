import type { AppInfo, ChatMode, ChatSummary, Citation, DownloadJob, LocusApi } from "@common/contract";
import { unreadableTypeReason } from "@common/documentTypes.js";
import type { LocusConnection } from "../transport/index.js";
import { ThemeState } from "./appearance/index.js";
import { ChatToolsState, type ShortcutAction } from "./chat/index.js";
import { ChatsState } from "./ChatsState.svelte.js";
import { ConnectionState } from "./ConnectionState.svelte.js";
import { ConversationState } from "./ConversationState.svelte.js";
import { ErrorsState } from "./ErrorsState.svelte.js";
import { ChatModesState, CollectionsState, LibraryState, SourceState } from "./library/index.js";
import { ModelsState } from "./ModelsState.svelte.js";
import { AdvisorState } from "./advisor/index.js";
import { PersonalizeState } from "./personalize/index.js";
import {
    browserKeyValueStore, DownloadsState, localSettingsStorage, SettingsPanelState, SettingsState, SetupInfoState, WizardState,
    type KeyValueStore
} from "./setup/index.js";

/** What the main area shows. */
export type MainView = "chat" | "library" | "personalize";

/** The renderer's root state: owns the parts and the actions that span several of them. */
export class LocusApp {
    readonly errors = new ErrorsState();
    readonly connection: ConnectionState;
    readonly models: ModelsState;
    readonly chats: ChatsState;
    readonly conversation: ConversationState;
    readonly setupInfo: SetupInfoState;
    readonly downloads: DownloadsState;
    readonly settings: SettingsState;
    readonly wizard: WizardState;
    readonly settingsPanel: SettingsPanelState;
    readonly library: LibraryState;
    readonly source: SourceState;
    readonly modes: ChatModesState;
    readonly collections: CollectionsState;
    readonly personalize: PersonalizeState;
    /** The chat's tools: its settings, search, attachments, export, shortcuts help. */
    readonly tools: ChatToolsState;
    readonly theme: ThemeState;
    readonly advisor: AdvisorState;
    view = $state<MainView>("chat");
    /** Personalize's two tabs: teaching the model, and the Advisor that measures which way to learn. */
    personalizeTab = $state<"teach" | "advisor">("teach");
    info = $state<AppInfo | null>(null);
    /** True once everything was read after connecting (tests wait for it before checking what did not open). */
    loaded = $state(false);
    /** True while a chat is being created for a message sent with no chat selected. */
    preparing = $state(false);

    readonly #api: LocusApi;
    readonly #link: LocusConnection;

    /** `store` keeps the setup choices and whether the wizard was dismissed (the browser's storage by default). */
    constructor(api: LocusApi, link: LocusConnection, store: KeyValueStore = browserKeyValueStore()) {
        this.#api = api;
        this.#link = link;
        this.connection = new ConnectionState(link);
        this.models = new ModelsState(api, this.errors);
        this.chats = new ChatsState(api, this.errors);
        this.conversation = new ConversationState(api, this.errors);
        this.setupInfo = new SetupInfoState(api);
        this.downloads = new DownloadsState(api);
        this.settings = new SettingsState(localSettingsStorage(store), api, this.setupInfo);
        this.wizard = new WizardState({
            api, info: this.setupInfo, downloads: this.downloads, settings: this.settings, models: this.models, store
        });
        this.library = new LibraryState(api, this.errors);
        this.settingsPanel = new SettingsPanelState(api, this.setupInfo, this.settings, this.models, this.library);
        this.source = new SourceState(api);
        this.modes = new ChatModesState(store);
        this.collections = new CollectionsState(api, this.errors);
        this.personalize = new PersonalizeState({ api, library: this.library, settings: this.settings, connection: this.connection });
        this.tools = new ChatToolsState(api, this.errors, this.conversation, this.settings);
        this.theme = new ThemeState(store, typeof document === "undefined" ? null : document.documentElement);
        this.advisor = new AdvisorState(api, this.connection);
    }

    /** A dialog (the wizard, Settings, the shortcuts) has the person's attention: the app's shortcuts wait. */
    get modalOpen(): boolean {
        return this.wizard.open || this.settingsPanel.open || this.tools.helpOpen;
    }

    /** Why a message cannot be sent now, as a hint for the person; null when it can. */
    get sendBlocker(): string | null {
        if (!this.connection.open) return "Not connected to Locus";
        if (this.models.loading) return "Loading the model…";
        // With a remote engine the server answers: no model needs to be loaded here.
        if (!this.models.ready && !this.settingsPanel.remoteEngine.remote) return "Load a model to start";
        return null;
    }

    /** The open chat's mode: answer freely, or from the library with citations. */
    get mode(): ChatMode {
        return this.modes.modeOf(this.chats.selectedId);
    }

    setMode(mode: ChatMode): void {
        this.modes.set(this.chats.selectedId, mode);
    }

    get canSend(): boolean {
        const { generating, draft } = this.conversation;
        return this.sendBlocker === null && !generating && !this.preparing && draft.trim() !== "";
    }

    /** Subscribes to the services' events and loads everything once connected; returns a disposer. */
    start(): () => void {
        const api = this.#api;
        const stops = [
            api.on("engine.status", (status) => {
                this.models.applyStatus(status);
                // Loading a model makes it the chat model in main's settings (the one Personalize teaches).
                if (status.state === "ready" && this.settings.main && status.modelId !== this.settings.main.chatModelId) void this.settings.loadMain();
            }),
            api.on("chats.changed", ({ chats }) => {
                this.#applyChats(chats);
                if (this.tools.search.active) void this.tools.search.run();
            }),
            api.on("chat.token", (token) => this.conversation.appendToken(token)),
            api.on("chat.done", (done) => this.conversation.finish(done)),
            api.on("downloads.changed", (job) => {
                this.downloads.apply(job);
                if (job.state === "done") void this.#downloaded(job);
            }),
            api.on("library.changed", ({ documents }) => this.library.applyList(documents)),
            api.on("library.progress", (progress) => this.library.applyProgress(progress)),
            api.on("collections.changed", ({ collections }) => this.collections.apply(collections)),
            api.on("training.progress", (run) => this.personalize.applyRun(run)),
            api.on("adapters.changed", ({ adapters }) => this.personalize.applyAdapters(adapters)),
            api.on("advisor.progress", (run) => this.advisor.apply(run)),
            api.on("models.changed", ({ models }) => {
                this.models.applyList(models);
                // Which catalog files are on this computer may have changed with the list.
                if (this.setupInfo.catalog.length > 0) void this.setupInfo.loadCatalog();
            }),
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
            this.library.capabilities = info.capabilities;
            this.personalize.capabilities = info.capabilities;
        }
        const [modelsRead] = await Promise.all([
            this.models.refresh(), this.chats.refresh(), this.downloads.refresh(), this.library.refresh(), this.settings.loadMain(),
            this.personalize.refresh(), this.collections.refresh(), this.advisor.refresh(), this.settingsPanel.remoteEngine.load()
        ]);
        // The starter models Locus adds itself are not a setup the person chose: the wizard still opens.
        if (modelsRead) this.wizard.openOnFirstRun(this.models.items.filter((model) => !model.displayName.endsWith(" (starter)")).length);
        this.loaded = true;
        const selected = this.chats.selected?.id ?? this.chats.sorted[0]?.id ?? null;
        this.chats.selectedId = selected;
        await this.conversation.reload(selected);
    }

    selectChat(chatId: string): void {
        this.view = "chat";
        if (this.chats.selectedId === chatId && this.conversation.chatId === chatId) return;
        this.chats.selectedId = chatId;
        void this.conversation.open(chatId);
    }

    showLibrary(): void {
        this.view = "library";
        // Events keep the list current; reading it again also recovers from a failed first read.
        void this.library.refresh();
    }

    showPersonalize(): void {
        this.view = "personalize";
        // The chat model to teach is the one chosen last: loading a model changes it in main's settings.
        void this.settings.loadMain();
        void this.library.refresh();
        void this.personalize.refresh();
    }

    /** Opens the Advisor (a tab of Personalize): it measures which way Locus should learn this library. */
    showAdvisor(): void {
        this.showPersonalize();
        this.personalizeTab = "advisor";
        void this.advisor.refresh();
    }

    /** From the wizard's learning row: the person would rather measure than follow the guideline. */
    openAdvisorFromWizard(): void {
        if (this.wizard.open) this.wizard.dismiss();
        this.showAdvisor();
    }

    /**
     * Applies an Advisor run's recommendation (model, compression, learning method, adapter in main), then
     * has new chats ask the library when the method searches it, and goes to the chat.
     */
    async applyAdvice(runId: string): Promise<void> {
        const run = this.advisor.runs.find((r) => r.id === runId) ?? this.advisor.run;
        if (!(await this.advisor.applyRecommendation(runId))) return;
        const method = run?.recommendation?.method;
        if (method != null) this.modes.set(null, method === "rag" || method === "rag+lora" ? "library" : "chat");
        await Promise.all([this.settings.loadMain(), this.personalize.refresh(), this.models.refresh()]);
        this.view = "chat";
    }

    /** Activates the adapter and goes to the chat, where the next answer uses it. */
    async useAdapter(adapterId: string): Promise<void> {
        if (await this.personalize.activate(adapterId)) this.view = "chat";
    }

    /** Opens the source panel on a citation; `restoreFocus` puts focus back where it was when the panel closes. */
    openSource(citation: Citation, restoreFocus?: () => void): void {
        void this.source.show(citation, restoreFocus);
    }

    openSettings(): void {
        // Going to Settings from the wizard is a choice to set things up by hand: it need not open again.
        if (this.wizard.open) this.wizard.dismiss();
        void this.settingsPanel.show();
        void this.tools.defaults.load();
    }

    /** A new version of an answer (the last one by default), in the chat's current mode. */
    async regenerate(messageId?: string): Promise<void> {
        if (this.sendBlocker !== null) return;
        await this.conversation.regenerate(this.mode, messageId, this.libraryScope);
    }

    /** Sends the question being edited as a new version, in the chat's current mode. */
    async commitEdit(): Promise<void> {
        await this.conversation.commitEdit(this.mode, this.libraryScope);
    }

    /** Library questions search the collections chosen in the composer (none: the whole library, or the chat's attached documents). */
    get libraryScope(): { collectionIds?: string[] } {
        return this.mode === "library" ? this.collections.scope : {};
    }

    /**
     * Attaches a dropped or picked file to the open chat (a new one when none is open): it is indexed
     * into the library and the chat's library questions are limited to it, so the chat switches to
     * asking the library.
     */
    async attach(file: Blob & { name: string }): Promise<void> {
        // A type Locus cannot read is refused at once: no chat is created, nothing is sent.
        const unreadable = unreadableTypeReason(file.name);
        if (unreadable !== null) {
            this.errors.report(unreadable);
            return;
        }
        const chatId = this.chats.selectedId ?? (await this.newChat());
        if (!chatId) return;
        const chat = await this.tools.attachments.attach(chatId, file);
        if (!chat) return;
        this.conversation.applySettings(chat);
        this.modes.set(chatId, "library");
        void this.library.refresh();
    }

    /** Does what a keyboard shortcut asks; returns whether it applied. */
    runShortcut(action: ShortcutAction): boolean {
        switch (action) {
            case "new-chat":
                void this.newChat();
                return true;
            case "search":
                this.view = "chat";
                this.tools.search.focus();
                return true;
            case "focus-composer":
                this.view = "chat";
                this.tools.focusComposer();
                return true;
            case "regenerate":
                if (this.conversation.generating || !this.conversation.lastAnswer) return false;
                void this.regenerate();
                return true;
            case "stop":
                if (!this.conversation.generating) return false;
                void this.conversation.stop();
                return true;
            case "help":
                this.tools.helpOpen = true;
                return true;
        }
    }

    openSetup(): void {
        this.settingsPanel.close();
        this.wizard.show();
    }

    /** Creates a chat and opens it; returns its id, or null when creation failed (already reported). */
    async newChat(): Promise<string | null> {
        const chat = await this.chats.create();
        if (!chat) return null;
        this.view = "chat";
        this.modes.adopt(chat.id);
        this.chats.selectedId = chat.id;
        this.conversation.showEmpty(chat.id);
        return chat.id;
    }

    async confirmDeleteChat(): Promise<void> {
        const chatId = this.chats.confirmingDeleteId;
        const deleted = await this.chats.confirmDelete();
        if (deleted && chatId) this.modes.forget(chatId);
        if (deleted && chatId === this.chats.selectedId) this.#selectFallback();
    }

    /** Sends the draft to the selected chat, creating a chat first when none is selected. */
    async send(): Promise<void> {
        if (!this.canSend) return;
        const text = this.conversation.draft;
        const mode = this.mode;
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
        await this.conversation.send(chatId, text, mode, mode === "library" ? this.collections.scope : {});
    }

    async #downloaded(job: DownloadJob): Promise<void> {
        await this.setupInfo.loadCatalog();
        const problem = await this.settings.applyDownloaded(job);
        if (problem !== null) this.errors.report(problem);
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
