import type { ApiListen, ApiStatus, LocusApi } from "@common/contract";

/**
 * "Let other apps on this computer use Locus": the local API's switch, its address and token (with copy and
 * rotate), and the advanced choices (port, listening beyond this computer, web origins). Each applies at once.
 */
export class ApiAccessState {
    status = $state.raw<ApiStatus | null>(null);
    busy = $state(false);
    problem = $state<string | null>(null);
    /** Drafts of the advanced fields, applied by their own buttons. */
    portDraft = $state("8585");
    originsDraft = $state("");
    /** The person asked to listen on every interface and must confirm the warning first. */
    confirmingAllInterfaces = $state(false);
    copied = $state(false);

    readonly #api: LocusApi;

    constructor(api: LocusApi) {
        this.#api = api;
        api.on("api.status", (status) => this.#take(status));
    }

    async load(): Promise<void> {
        this.problem = null;
        this.confirmingAllInterfaces = false;
        this.copied = false;
        const result = await this.#api.api.status({});
        if (result.ok) this.#take(result.value, true);
        else this.problem = result.error.message;
    }

    setEnabled(enabled: boolean): Promise<void> {
        return this.#configure({ enabled });
    }

    savePort(): Promise<void> {
        const port = Number(this.portDraft);
        if (!Number.isInteger(port) || port < 1024 || port > 65535) {
            this.problem = "Choose a port from 1024 to 65535.";
            return Promise.resolve();
        }
        return this.#configure({ port });
    }

    saveOrigins(): Promise<void> {
        const allowedOrigins = this.originsDraft.split(/[\s,]+/).map((origin) => origin.trim()).filter((origin) => origin !== "");
        return this.#configure({ allowedOrigins });
    }

    /** Listening beyond this computer needs a confirmation; back to loopback does not. */
    chooseListen(listen: ApiListen): Promise<void> {
        if (listen === "all-interfaces" && !this.confirmingAllInterfaces) {
            this.confirmingAllInterfaces = true;
            return Promise.resolve();
        }
        this.confirmingAllInterfaces = false;
        return this.#configure({ listen });
    }

    cancelAllInterfaces(): void {
        this.confirmingAllInterfaces = false;
    }

    async rotate(): Promise<void> {
        if (this.busy) return;
        this.busy = true;
        try {
            const result = await this.#api.api.rotateToken({});
            if (result.ok) this.#take(result.value);
            else this.problem = result.error.message;
        } finally {
            this.busy = false;
        }
    }

    /** Copies the token; where the clipboard is refused, the caller selects the text for Ctrl+C instead. */
    async copyToken(write: (text: string) => Promise<void>): Promise<boolean> {
        const token = this.status?.token;
        if (!token) return false;
        try {
            await write(token);
            this.copied = true;
            return true;
        } catch {
            this.copied = false;
            return false;
        }
    }

    async #configure(patch: { enabled?: boolean; port?: number; listen?: ApiListen; allowedOrigins?: string[] }): Promise<void> {
        if (this.busy) return;
        this.busy = true;
        this.problem = null;
        try {
            const result = await this.#api.api.configure(patch);
            if (result.ok) this.#take(result.value, true);
            else this.problem = result.error.message;
        } finally {
            this.busy = false;
        }
    }

    #take(status: ApiStatus, resetDrafts = false): void {
        const first = this.status == null;
        if (status.token !== this.status?.token) this.copied = false;
        this.status = status;
        if (resetDrafts || first) {
            this.portDraft = String(status.port);
            this.originsDraft = status.allowedOrigins.join("\n");
        }
    }
}
