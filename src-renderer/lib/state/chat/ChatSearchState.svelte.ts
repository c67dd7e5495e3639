import type { ChatSearchHit, LocusApi } from "@common/contract";
import type { ErrorsState } from "../ErrorsState.svelte.js";

/** Waits this long after the last key before searching, so typing stays smooth. */
const debounceMs = 150;

/** Searching chats by title and content from the sidebar: the query, its results, and which one is focused. */
export class ChatSearchState {
    query = $state("");
    results = $state.raw<ChatSearchHit[]>([]);
    searching = $state(false);
    /** True once results for the current query arrived (an empty list then means "no chat matches"). */
    searched = $state(false);
    /** Bumped to ask the search box to take focus (the shortcut). */
    focusRequests = $state(0);

    readonly active = $derived(this.query.trim() !== "");

    readonly #api: LocusApi;
    readonly #errors: ErrorsState;
    #timer: ReturnType<typeof setTimeout> | null = null;
    #ticket = 0;

    constructor(api: LocusApi, errors: ErrorsState) {
        this.#api = api;
        this.#errors = errors;
    }

    focus(): void {
        this.focusRequests++;
    }

    setQuery(query: string): void {
        this.query = query;
        this.searched = false;
        if (this.#timer !== null) clearTimeout(this.#timer);
        if (!this.active) {
            this.results = [];
            this.searching = false;
            return;
        }
        this.#timer = setTimeout(() => void this.run(), debounceMs);
    }

    clear(): void {
        this.setQuery("");
    }

    /** Searches now (also after a chat changed, so results stay current). */
    async run(): Promise<void> {
        const query = this.query.trim();
        if (query === "") return;
        const ticket = ++this.#ticket;
        this.searching = true;
        const result = await this.#api.chats.search({ query });
        if (ticket !== this.#ticket) return;
        this.searching = false;
        this.searched = true;
        const hits = this.#errors.unwrap(result);
        if (hits) this.results = hits;
    }
}
