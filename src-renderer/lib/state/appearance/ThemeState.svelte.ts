import type { KeyValueStore } from "../setup/index.js";

export type ThemeChoice = "system" | "light" | "dark";

const storageKey = "locus.theme.v1";

/** Light or dark: the system's choice by default, or the person's, remembered on this computer. */
export class ThemeState {
    choice = $state<ThemeChoice>("system");
    readonly #store: KeyValueStore;
    readonly #root: { dataset: DOMStringMap } | null;

    /** `root` is the element whose `data-theme` the stylesheet reads (the document's, in the app). */
    constructor(store: KeyValueStore, root: { dataset: DOMStringMap } | null) {
        this.#store = store;
        this.#root = root;
        const saved = store.get(storageKey);
        this.choice = saved === "light" || saved === "dark" ? saved : "system";
        this.#apply();
    }

    set(choice: ThemeChoice): void {
        this.choice = choice;
        this.#store.set(storageKey, choice);
        this.#apply();
    }

    #apply(): void {
        if (this.#root === null) return;
        if (this.choice === "system") delete this.#root.dataset.theme;
        else this.#root.dataset.theme = this.choice;
    }
}
