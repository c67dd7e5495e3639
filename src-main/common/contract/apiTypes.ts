/** Where the local API listens: this computer only, or (explicit opt-in) every network interface. */
export type ApiListen = "loopback" | "all-interfaces";

/** The local OpenAI-compatible API as Settings shows it. */
export type ApiStatus = {
    /** The person turned it on ("let other apps on this computer use Locus"). */
    enabled: boolean;
    /** It is listening now. */
    running: boolean;
    /** Base URL for OpenAI-compatible tools, e.g. http://127.0.0.1:8585/v1; null while stopped. */
    url: string | null;
    port: number;
    listen: ApiListen;
    /** Web origins whose pages may call the API (CORS); empty: none. */
    allowedOrigins: string[];
    /** The bearer token other apps must send; shown so the person can copy it. */
    token: string;
    /** Why it is not running although enabled (port taken, …), in words; else null. */
    error: string | null;
};

/** Which engine answers chat and library questions. */
export type EngineMode = "local" | "remote";

/** The remote engine's settings as the renderer sees them: never the API keys themselves. */
export type RemoteEngineInfo = {
    mode: EngineMode;
    /** OpenAI-compatible base URL, e.g. https://gpu-box.lan:8080/v1. */
    baseUrl: string;
    /** The model name the server answers under. */
    model: string;
    /** A key is stored (its value never leaves main). */
    hasKey: boolean;
    /** Where keys are kept: the operating system's secret storage, or a file only this user can read. */
    keyStorage: "os" | "file";
    /** Embeddings from a server too (the library must then be re-indexed with that model). */
    remoteEmbeddings: boolean;
    embeddingBaseUrl: string;
    embeddingModel: string;
    embeddingHasKey: boolean;
};

/** The answer to "test connection": what the server said, in words, and the models it lists. */
export type RemoteEngineCheck = { ok: boolean; message: string; models: string[] };
