import { defaultSystemPrompt, type LocusApi, type SamplingField } from "@common/contract";
import type { ErrorsState } from "../ErrorsState.svelte.js";
import type { SettingsState } from "../setup/index.js";
import { draftOf, parseSamplingDraft, type SamplingDraft } from "./samplingForm.js";

/** The chat section of Settings: the default system prompt, sampling for every chat, and whether thinking models think. */
export class ChatDefaultsState {
    promptDraft = $state(defaultSystemPrompt);
    samplingDraft = $state<SamplingDraft>(draftOf(null));
    samplingProblems = $state<Partial<Record<SamplingField, string>>>({});
    discourageThinking = $state(false);
    saved = $state(false);

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;
    readonly #settings: SettingsState;

    constructor(api: LocusApi, errors: ErrorsState, settings: SettingsState) {
        this.#api = api;
        this.#errors = errors;
        this.#settings = settings;
    }

    /** Takes the saved values (when Settings opens). */
    async load(): Promise<void> {
        await this.#settings.loadMain();
        const main = this.#settings.main;
        if (!main) return;
        this.promptDraft = main.systemPrompt;
        this.samplingDraft = draftOf(main.sampling);
        this.discourageThinking = main.discourageThinking;
        this.samplingProblems = {};
        this.saved = false;
    }

    async save(): Promise<boolean> {
        const { sampling, problems } = parseSamplingDraft(this.samplingDraft);
        this.samplingProblems = problems;
        if (Object.keys(problems).length > 0) return false;
        const prompt = this.promptDraft.trim() === "" ? defaultSystemPrompt : this.promptDraft.trim();
        const main = this.#errors.unwrap(await this.#api.settings.update({ systemPrompt: prompt, sampling, discourageThinking: this.discourageThinking }));
        if (!main) return false;
        this.#settings.main = main;
        this.promptDraft = main.systemPrompt;
        this.saved = true;
        return true;
    }
}
