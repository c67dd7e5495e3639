import type { HostCapabilities, IngestProgress, LibraryDocumentInfo, LocusApi, Result } from "@common/contract";
import type { ErrorsState } from "../ErrorsState.svelte.js";
import { libraryRows } from "./libraryRows.js";

export const idleProgress: IngestProgress = {
    running: false, filesDone: 0, filesTotal: 0, filesFailed: 0, chunksPerSecond: null, secondsLeft: null, current: null, blockedReason: null
};

/** What changes when a mailbox's messages may have: its state, its message count, its last update. */
const mailboxVersion = (mailbox: LibraryDocumentInfo): string => `${mailbox.status}:${String(mailbox.messageCount ?? 0)}:${String(mailbox.updatedAt)}`;

/** The document library: its documents, the indexing progress, and the person's actions on them. */
export class LibraryState {
    documents = $state<LibraryDocumentInfo[]>([]);
    progress = $state<IngestProgress>(idleProgress);
    capabilities = $state<HostCapabilities>({ nativeFileDialog: false, pathEntry: false });
    /** Set when the library could not be read: the services' own words, shown in the library view. */
    problem = $state<string | null>(null);
    /** What the person typed in the browser host's path field. */
    pathDraft = $state("");
    adding = $state(false);
    /** The document whose Remove was pressed and now asks for confirmation. */
    confirmingRemoveId = $state<string | null>(null);
    /** Failure reasons shown in full rather than cut to a line or two. */
    expandedReasons = $state<Record<string, boolean>>({});

    /** The messages of each open mailbox, by its id (fetched when it is opened, and again as the library changes). */
    openMailboxes = $state<Record<string, LibraryDocumentInfo[]>>({});

    /** The list's rows: files in order, an open mailbox followed by its messages. */
    readonly rows = $derived(libraryRows(this.documents, this.openMailboxes));
    readonly indexedCount = $derived(this.documents.filter((document) => document.status === "indexed").length);
    readonly failedCount = $derived(this.documents.filter((document) => document.status === "failed").length);

    /** The version of each open mailbox its messages were fetched for. */
    readonly #loadedFrom = new Map<string, string>();
    readonly #api: LocusApi;
    readonly #errors: ErrorsState;

    constructor(api: LocusApi, errors: ErrorsState) {
        this.#api = api;
        this.#errors = errors;
    }

    async refresh(): Promise<void> {
        const [list, progress] = await Promise.all([this.#api.library.list({}), this.#api.library.progress({})]);
        if (list.ok) {
            this.documents = list.value;
            this.problem = null;
        } else {
            // Shown where the library is, not as a banner over the chat: chatting works without it.
            this.problem = list.error.message;
        }
        if (progress.ok) this.progress = progress.value;
    }

    applyList(documents: LibraryDocumentInfo[]): void {
        this.documents = documents;
        this.problem = null;
        // An open mailbox's messages are fetched again only when the mailbox itself changed (re-indexed, removed).
        for (const mailboxId of Object.keys(this.openMailboxes)) {
            const mailbox = documents.find((document) => document.id === mailboxId);
            if (mailbox === undefined || this.#loadedFrom.get(mailboxId) !== mailboxVersion(mailbox)) void this.#loadMessages(mailboxId);
        }
        if (this.confirmingRemoveId !== null && !documents.some((document) => document.id === this.confirmingRemoveId)) {
            this.confirmingRemoveId = null;
        }
    }

    applyProgress(progress: IngestProgress): void {
        this.progress = progress;
    }

    /** Electron: the system's open dialog, for files or for folders. */
    async addWithDialog(folders: boolean): Promise<void> {
        await this.#add(() => this.#api.library.addWithDialog(folders ? { folders: true } : {}));
    }

    /** Browser host: the path the person typed, a file or a folder. */
    async addFromPath(): Promise<void> {
        const path = this.pathDraft.trim();
        if (!path) return;
        const added = await this.#add(() => this.#api.library.addPaths({ paths: [path] }));
        if (added === null) return;
        this.pathDraft = "";
        if (added.length === 0) this.#errors.report(`Nothing to add at ${path}: Locus reads PDF, Word (.docx), HTML, Markdown and text files.`);
    }

    requestRemove(documentId: string): void {
        this.confirmingRemoveId = documentId;
    }

    cancelRemove(): void {
        this.confirmingRemoveId = null;
    }

    /** Removes the document awaiting confirmation; returns whether it was removed. */
    async confirmRemove(): Promise<boolean> {
        const documentId = this.confirmingRemoveId;
        this.confirmingRemoveId = null;
        if (!documentId) return false;
        const result = await this.#api.library.remove({ documentId });
        if (!result.ok) {
            this.#errors.report(result.error);
            return false;
        }
        this.documents = this.documents.filter((document) => document.id !== documentId);
        this.openMailboxes = Object.fromEntries(Object.entries(this.openMailboxes).filter(([id]) => id !== documentId));
        return true;
    }

    /** Re-indexes one document, or every document when no id is given. */
    async reindex(documentId?: string): Promise<void> {
        this.#errors.unwrap(await this.#api.library.reindex(documentId ? { documentId } : {}));
    }

    async cancel(): Promise<void> {
        const progress = this.#errors.unwrap(await this.#api.library.cancel({}));
        if (progress) this.progress = progress;
    }

    /** Shows a mailbox's messages under it, or hides them. */
    async toggleMailbox(documentId: string): Promise<void> {
        if (this.openMailboxes[documentId] !== undefined) {
            this.openMailboxes = Object.fromEntries(Object.entries(this.openMailboxes).filter(([id]) => id !== documentId));
            return;
        }
        await this.#loadMessages(documentId);
    }

    /** Fetches an open (or opening) mailbox's messages; a mailbox gone from the list is closed. */
    async #loadMessages(mailboxId: string): Promise<void> {
        const mailbox = this.documents.find((document) => document.id === mailboxId);
        if (mailbox !== undefined) this.#loadedFrom.set(mailboxId, mailboxVersion(mailbox));
        const result = mailbox === undefined || (mailbox.messageCount ?? 0) === 0 ? null : await this.#api.library.messages({ documentId: mailboxId });
        if (result !== null && !result.ok) this.#errors.report(result.error);
        const rest = Object.entries(this.openMailboxes).filter(([id]) => id !== mailboxId);
        this.openMailboxes = Object.fromEntries(result?.ok ? [...rest, [mailboxId, result.value]] : rest);
    }

    toggleReason(documentId: string): void {
        this.expandedReasons = { ...this.expandedReasons, [documentId]: !this.expandedReasons[documentId] };
    }

    /** Adds what the call returns and returns it; null when it failed (already reported) or another add is running. */
    async #add(call: () => Promise<Result<LibraryDocumentInfo[]>>): Promise<LibraryDocumentInfo[] | null> {
        if (this.adding) return null;
        this.adding = true;
        try {
            const added = this.#errors.unwrap(await call());
            if (!added) return null;
            const ids = new Set(added.map((document) => document.id));
            this.documents = [...this.documents.filter((document) => !ids.has(document.id)), ...added];
            return added;
        } finally {
            this.adding = false;
        }
    }
}
