import type { OcrLanguageCode, Settings } from "@common/contract/settingsTypes.js";
import { documentLimitProblem, type DocumentLimits } from "./documentLimitProblem.js";
import type { SettingsState } from "./SettingsState.svelte.js";

/** The per-document limits in Settings, as a person edits them: a draft, checked against the bounds, applied at once. */
export class DocumentLimitsEditor {
    draft = $state<DocumentLimits | null>(null);
    /** Languages text recognition reads scanned pages in; at least one. */
    languages = $state<OcrLanguageCode[]>([]);
    /** Read text in pictures found in folders (off by default: about a second of recognition each). */
    picturesInFolders = $state(false);
    busy = $state(false);
    problem = $state<string | null>(null);
    saved = $state(false);

    readonly #settings: SettingsState;

    constructor(settings: SettingsState) {
        this.#settings = settings;
    }

    /** Starts from main's settings as last read. */
    reset(): void {
        const main: Settings | null = this.#settings.main;
        this.draft = main === null ? null : {
            maxDocumentMegabytes: main.maxDocumentMegabytes, maxDocumentPages: main.maxDocumentPages,
            maxInflatedMegabytes: main.maxInflatedMegabytes, parseTimeoutSeconds: main.parseTimeoutSeconds,
            maxScannedPages: main.maxScannedPages, maxMailboxMessages: main.maxMailboxMessages
        };
        this.languages = main === null ? [] : [...main.ocrLanguages];
        this.picturesInFolders = main?.readPicturesInFolders ?? false;
        this.problem = null;
        this.saved = false;
    }

    /** A value outside its bounds, in words; null when every value is usable. */
    get invalid(): string | null {
        if (this.draft === null) return null;
        return documentLimitProblem(this.draft) ?? (this.languages.length === 0 ? "Choose at least one language for text recognition." : null);
    }

    /** Adds or removes a recognition language; the change waits for Apply like the limits. */
    toggleLanguage(code: OcrLanguageCode, chosen: boolean): void {
        this.languages = chosen ? [...new Set([...this.languages, code])] : this.languages.filter((language) => language !== code);
        this.saved = false;
    }

    async apply(): Promise<void> {
        if (this.draft === null || this.invalid !== null) return;
        this.busy = true;
        this.saved = false;
        try {
            this.problem = await this.#settings.updateMain({ ...this.draft, ocrLanguages: [...this.languages], readPicturesInFolders: this.picturesInFolders });
            this.saved = this.problem === null;
        } finally {
            this.busy = false;
        }
    }
}
