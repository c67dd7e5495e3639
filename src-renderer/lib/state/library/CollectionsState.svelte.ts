import type { CollectionInfo, LocusApi } from "@common/contract";
import type { ErrorsState } from "../ErrorsState.svelte.js";

/** The library view's filter: every document, those in no collection, or one collection's. */
export type CollectionFilter = { kind: "all" } | { kind: "none" } | { kind: "collection"; id: string };

/**
 * Collections: the list, the ones "Ask my library" is limited to (none chosen: the whole library),
 * the library view's filter, and the person's actions on them.
 */
export class CollectionsState {
    items = $state<CollectionInfo[]>([]);
    /** Collections library questions search; empty: the whole library. */
    chosen = $state<string[]>([]);
    filter = $state<CollectionFilter>({ kind: "all" });
    nameDraft = $state("");
    busy = $state(false);

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;

    constructor(api: LocusApi, errors: ErrorsState) {
        this.#api = api;
        this.#errors = errors;
    }

    async refresh(): Promise<void> {
        const result = await this.#api.collections.list({});
        if (result.ok) this.apply(result.value);
    }

    /** A new list: choices and a filter on collections that are gone are dropped, never kept pointing at nothing. */
    apply(collections: CollectionInfo[]): void {
        this.items = collections;
        const known = new Set(collections.map((collection) => collection.id));
        if (this.chosen.some((id) => !known.has(id))) this.chosen = this.chosen.filter((id) => known.has(id));
        if (this.filter.kind === "collection" && !known.has(this.filter.id)) this.filter = { kind: "all" };
    }

    toggleChosen(collectionId: string): void {
        this.chosen = this.chosen.includes(collectionId) ? this.chosen.filter((id) => id !== collectionId) : [...this.chosen, collectionId];
    }

    /** For `chats.send`: the chosen collections, or nothing for the whole library. */
    get scope(): { collectionIds: string[] } | Record<string, never> {
        return this.chosen.length > 0 ? { collectionIds: [...this.chosen] } : {};
    }

    async create(): Promise<void> {
        const name = this.nameDraft.trim();
        if (name === "" || this.busy) return;
        this.busy = true;
        try {
            const result = await this.#api.collections.create({ name });
            if (!result.ok) return this.#errors.report(result.error);
            this.nameDraft = "";
            await this.refresh();
        } finally {
            this.busy = false;
        }
    }

    async remove(collectionId: string): Promise<void> {
        const result = await this.#api.collections.delete({ collectionId });
        if (!result.ok) return this.#errors.report(result.error);
        await this.refresh();
    }

    /** Moves a document into a collection (null: none). */
    async assign(documentId: string, collectionId: string | null): Promise<void> {
        const result = await this.#api.library.setCollection({ documentId, collectionId });
        if (!result.ok) this.#errors.report(result.error);
    }
}
