import type { KeyValueStore } from "./keyValueStore.js";
import { parseSetupChoices, type SetupChoices } from "./setupChoices.js";

/** Where the person's choices are kept. Today the browser's storage; later a settings service in main. */
export interface SettingsStorage {
    load(): SetupChoices | null;
    save(choices: SetupChoices): void;
}

const settingsKey = "locus.settings.v1";

export function localSettingsStorage(store: KeyValueStore): SettingsStorage {
    return {
        load() {
            const text = store.get(settingsKey);
            if (text === null) return null;
            try {
                return parseSetupChoices(JSON.parse(text));
            } catch {
                return null;
            }
        },
        save: (choices) => store.set(settingsKey, JSON.stringify(choices))
    };
}

/** The person's setup choices (model, compression, context, threads, embedding, learning), kept between sessions. */
export class SettingsState {
    choices = $state<SetupChoices | null>(null);

    readonly #storage: SettingsStorage;

    constructor(storage: SettingsStorage) {
        this.#storage = storage;
        this.choices = storage.load();
    }

    save(choices: SetupChoices): void {
        this.choices = choices;
        this.#storage.save(choices);
    }
}
