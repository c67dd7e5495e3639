import type { Citation, LocusApi, SourcePassage } from "@common/contract";

/** The source panel: the cited passage in its context, and opening its file. */
export class SourceState {
    citation = $state<Citation | null>(null);
    passage = $state<SourcePassage | null>(null);
    loading = $state(false);
    /** Why the passage could not be shown, in the services' words. */
    problem = $state<string | null>(null);
    /** What happened when the person asked to open the file (e.g. where to find it instead). */
    fileNote = $state<string | null>(null);

    readonly open = $derived(this.citation !== null);

    readonly #api: LocusApi;
    #ticket = 0;
    #restoreFocus: (() => void) | null = null;

    constructor(api: LocusApi) {
        this.#api = api;
    }

    /** Opens the panel on a citation; `restoreFocus` runs when it closes (focus goes back to the chip). */
    async show(citation: Citation, restoreFocus?: () => void): Promise<void> {
        const ticket = ++this.#ticket;
        this.citation = citation;
        this.#restoreFocus = restoreFocus ?? null;
        this.passage = null;
        this.problem = null;
        this.fileNote = null;
        this.loading = true;
        const result = await this.#api.library.source({ chunkId: citation.chunkId });
        if (ticket !== this.#ticket) return;
        this.loading = false;
        if (result.ok) this.passage = result.value;
        else this.problem = result.error.message;
    }

    close(): void {
        if (!this.citation) return;
        this.#ticket++;
        this.citation = null;
        this.passage = null;
        this.loading = false;
        const restore = this.#restoreFocus;
        this.#restoreFocus = null;
        restore?.();
    }

    async openFile(): Promise<void> {
        const citation = this.citation;
        if (!citation) return;
        const name = this.passage?.documentName ?? citation.documentName;
        this.fileNote = null;
        const result = await this.#api.library.openFile({ documentId: citation.documentId });
        if (this.citation !== citation || result.ok) return;
        this.fileNote = result.error.kind === "unsupported" ? `Open ${name} from your file manager.` : result.error.message;
    }
}
