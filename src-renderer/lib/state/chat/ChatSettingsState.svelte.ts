import type { LocusApi, SamplingDefaults, SamplingField, SamplingSettings, SystemPromptPreset } from "@common/contract";
import type { ConversationState } from "../ConversationState.svelte.js";
import type { ErrorsState } from "../ErrorsState.svelte.js";
import { draftOf, parseSamplingDraft, type SamplingDraft } from "./samplingForm.js";

/**
 * The open chat's own settings as the person edits them: its system prompt (shown at the top of the
 * chat) and, in the Advanced panel, its sampling. Saved through `chats.configure`; the services check
 * every value again.
 */
export class ChatSettingsState {
    /** The system prompt being edited, or null when the editor is closed. */
    promptDraft = $state<string | null>(null);
    samplingOpen = $state(false);
    samplingDraft = $state<SamplingDraft>(draftOf(null));
    samplingProblems = $state<Partial<Record<SamplingField, string>>>({});
    /** What the chat would use now in each mode, and the loaded model's own advice. */
    defaults = $state.raw<SamplingDefaults | null>(null);
    saving = $state(false);

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;
    readonly #conversation: ConversationState;

    constructor(api: LocusApi, errors: ErrorsState, conversation: ConversationState) {
        this.#api = api;
        this.#errors = errors;
        this.#conversation = conversation;
    }

    /** The chat's own prompt, or null while it uses the default from Settings. */
    get ownPrompt(): string | null {
        return this.#conversation.settings.systemPrompt;
    }

    editPrompt(current: string): void {
        this.promptDraft = current;
    }

    cancelPrompt(): void {
        this.promptDraft = null;
    }

    usePreset(preset: SystemPromptPreset): void {
        this.promptDraft = preset.prompt;
    }

    /** Saves the edited prompt; an empty one (or the default's text) brings back the default. */
    async savePrompt(defaultPrompt: string): Promise<boolean> {
        const text = this.promptDraft?.trim() ?? "";
        const systemPrompt = text === "" || text === defaultPrompt.trim() ? null : text;
        if (await this.#configure({ systemPrompt })) {
            this.promptDraft = null;
            return true;
        }
        return false;
    }

    async useDefaultPrompt(): Promise<void> {
        if (await this.#configure({ systemPrompt: null })) this.promptDraft = null;
    }

    async openSampling(): Promise<void> {
        this.samplingDraft = draftOf(this.#conversation.settings.sampling);
        this.samplingProblems = {};
        this.samplingOpen = true;
        await this.refreshDefaults();
    }

    closeSampling(): void {
        this.samplingOpen = false;
    }

    async refreshDefaults(): Promise<void> {
        const chatId = this.#conversation.chatId;
        const defaults = this.#errors.unwrap(await this.#api.chats.samplingDefaults(chatId ? { chatId } : {}));
        if (defaults) this.defaults = defaults;
    }

    /** Checks the draft (naming any value out of range) and saves it as this chat's sampling. */
    async saveSampling(): Promise<boolean> {
        const { sampling, problems } = parseSamplingDraft(this.samplingDraft);
        this.samplingProblems = problems;
        if (Object.keys(problems).length > 0) return false;
        const saved = await this.#configure({ sampling: Object.keys(sampling).length === 0 ? null : sampling });
        if (saved) await this.refreshDefaults();
        return saved;
    }

    /** Back to the defaults (Settings, the model file, Locus). */
    async resetSampling(): Promise<void> {
        this.samplingDraft = draftOf(null);
        this.samplingProblems = {};
        if (await this.#configure({ sampling: null })) await this.refreshDefaults();
    }

    /** Limits the chat's library questions to these documents (empty: the whole library again). */
    async setDocuments(documentIds: string[]): Promise<boolean> {
        return this.#configure({ documentIds });
    }

    async #configure(patch: { systemPrompt?: string | null; sampling?: SamplingSettings | null; documentIds?: string[] }): Promise<boolean> {
        const chatId = this.#conversation.chatId;
        if (!chatId) return false;
        this.saving = true;
        try {
            const chat = this.#errors.unwrap(await this.#api.chats.configure({ chatId, ...patch }));
            if (!chat) return false;
            this.#conversation.applySettings(chat);
            return true;
        } finally {
            this.saving = false;
        }
    }
}
