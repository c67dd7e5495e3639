import type { ApiListen, ApiStatus } from "@common/contract/apiTypes.js";
import { InvalidInputError } from "@common/errors.js";
import type { ApiRoute } from "./ApiRoute.js";
import { ApiServer } from "./ApiServer.js";
import type { ApiSettings, ApiSettingsStore } from "./ApiSettingsStore.js";
import { normalizeOrigin } from "./normalizeOrigin.js";

export type ApiConfigurePatch = { enabled?: boolean; port?: number; listen?: ApiListen; allowedOrigins?: readonly string[] };

/**
 * The local API's lifecycle: off by default; on, it listens where the settings say, and restarts when they
 * change. A port already taken leaves it enabled but stopped, with the reason in its status.
 */
export class ApiService {
    #server: ApiServer | null = null;
    #url: string | null = null;
    #error: string | null = null;
    readonly #listeners = new Set<(status: ApiStatus) => void>();

    constructor(
        private readonly store: ApiSettingsStore,
        private readonly routes: () => readonly ApiRoute[],
        private readonly log: (message: string, error: unknown) => void = (message, error) => console.error(message, error)
    ) {}

    status(): ApiStatus {
        const settings = this.store.settings();
        return {
            ...settings, running: this.#server != null, url: this.#url, token: this.store.token(), error: this.#error
        };
    }

    onChange(listener: (status: ApiStatus) => void): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    /** Starts the server when the settings say it is on (at app start). */
    async start(): Promise<ApiStatus> {
        await this.#apply(this.store.settings());
        return this.status();
    }

    /**
     * Serves now whatever the saved switch says (`locus serve-api`), on the saved port unless another is
     * given; nothing is saved, so the app's own setting stays as the person left it.
     */
    async serve(options: { port?: number } = {}): Promise<ApiStatus> {
        const settings = { ...this.store.settings(), enabled: true, ...(options.port != null ? { port: options.port } : {}) };
        await this.#apply(settings);
        return { ...this.status(), enabled: true, port: settings.port };
    }

    async configure(patch: ApiConfigurePatch): Promise<ApiStatus> {
        const current = this.store.settings();
        const next: ApiSettings = {
            enabled: patch.enabled ?? current.enabled,
            port: patch.port ?? current.port,
            listen: patch.listen ?? current.listen,
            allowedOrigins: patch.allowedOrigins == null ? current.allowedOrigins : [...new Set(patch.allowedOrigins.map(normalizeOrigin))]
        };
        if (!Number.isInteger(next.port) || next.port < 1024 || next.port > 65535)
            throw new InvalidInputError("Choose a port from 1024 to 65535.");
        this.store.save(next);
        await this.#apply(next);
        return this.status();
    }

    /** A new token; the old one stops working at once. */
    rotateToken(): ApiStatus {
        this.store.rotateToken();
        this.#changed();
        return this.status();
    }

    async dispose(): Promise<void> {
        await this.#stop();
    }

    async #apply(settings: ApiSettings): Promise<void> {
        await this.#stop();
        this.#error = null;
        if (settings.enabled) {
            const server = new ApiServer({
                routes: this.routes(), token: () => this.store.token(), allowedOrigins: () => this.store.settings().allowedOrigins,
                host: settings.listen === "all-interfaces" ? "0.0.0.0" : "127.0.0.1", port: settings.port, log: this.log
            });
            try {
                this.#url = await server.listen();
                this.#server = server;
            } catch (error) {
                this.#error = listenError(error, settings.port);
            }
        }
        this.#changed();
    }

    async #stop(): Promise<void> {
        const server = this.#server;
        this.#server = null;
        this.#url = null;
        await server?.close();
    }

    #changed(): void {
        const status = this.status();
        for (const listener of this.#listeners) listener(status);
    }
}

function listenError(error: unknown, port: number): string {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "EADDRINUSE") return `Port ${port} is already used by another program. Choose another port for Locus's API.`;
    if (code === "EACCES") return `This computer does not allow Locus to listen on port ${port}. Choose a port above 1024.`;
    return `Locus's API could not start: ${error instanceof Error ? error.message : String(error)}`;
}
