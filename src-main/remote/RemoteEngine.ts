import { z } from "zod";
import type { EngineMode, RemoteEngineCheck, RemoteEngineInfo } from "@common/contract/apiTypes.js";
import { InvalidInputError } from "@common/errors.js";
import type { InternalStore } from "../api/ApiSettingsStore.js";
import { RemoteChatGenerator } from "./RemoteChatGenerator.js";
import { RemoteEmbedder } from "./RemoteEmbedder.js";
import type { SecretStore } from "./SecretStore.js";
import { serverAddress } from "./serverAddress.js";

const settingsSchema = z.object({
    mode: z.enum(["local", "remote"]),
    baseUrl: z.string(),
    model: z.string(),
    remoteEmbeddings: z.boolean(),
    embeddingBaseUrl: z.string(),
    embeddingModel: z.string(),
    firstTokenTimeoutSeconds: z.number().positive().optional(),
    idleTimeoutSeconds: z.number().positive().optional()
});
type RemoteSettings = z.output<typeof settingsSchema>;

const DEFAULTS: RemoteSettings = { mode: "local", baseUrl: "", model: "", remoteEmbeddings: false, embeddingBaseUrl: "", embeddingModel: "" };
const CHAT_KEY = "remote-chat-key";
const EMBEDDING_KEY = "remote-embedding-key";

export type RemoteConfigurePatch = {
    mode?: EngineMode;
    baseUrl?: string;
    model?: string;
    /** A new key; null forgets the stored one; undefined keeps it. */
    apiKey?: string | null;
    remoteEmbeddings?: boolean;
    embeddingBaseUrl?: string;
    embeddingModel?: string;
    embeddingApiKey?: string | null;
    /** Seconds to wait for a first answer and between pieces of it (tests shorten them). */
    firstTokenTimeoutSeconds?: number;
    idleTimeoutSeconds?: number;
};

/**
 * Settings → Engine: this computer, or an OpenAI-compatible server (llama-server, vLLM). The server's
 * address and model are settings; its API key goes to the secret store and never to the renderer. While
 * the mode is "remote", chat and library answers are written by the server; the library stays here.
 */
export class RemoteEngine {
    #generator: { key: string; generator: RemoteChatGenerator } | null = null;
    #embedder: { key: string; embedder: Promise<RemoteEmbedder>; connected?: RemoteEmbedder } | null = null;
    readonly #listeners = new Set<(info: RemoteEngineInfo) => void>();

    constructor(private readonly store: InternalStore, private readonly secrets: SecretStore) {}

    info(): RemoteEngineInfo {
        const s = this.#settings();
        return {
            mode: s.mode, baseUrl: s.baseUrl, model: s.model, hasKey: this.secrets.get(CHAT_KEY) != null, keyStorage: this.secrets.kind,
            remoteEmbeddings: s.remoteEmbeddings, embeddingBaseUrl: s.embeddingBaseUrl, embeddingModel: s.embeddingModel,
            embeddingHasKey: this.secrets.get(EMBEDDING_KEY) != null
        };
    }

    onChange(listener: (info: RemoteEngineInfo) => void): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    /** The server's generator while the mode is "remote"; null while this computer answers. */
    generator(): RemoteChatGenerator | null {
        const s = this.#settings();
        if (s.mode !== "remote") return null;
        return this.#serverGenerator(s);
    }

    /**
     * The library's embedding model on a server while the person chose one (a switch of its own, so answering
     * on this computer again does not re-index the library); null: this computer embeds. The embedding server
     * defaults to the chat server's address and key.
     */
    async embedder(): Promise<RemoteEmbedder | null> {
        const s = this.#settings();
        if (!s.remoteEmbeddings) return null;
        const baseUrl = s.embeddingBaseUrl || s.baseUrl;
        const apiKey = this.secrets.get(EMBEDDING_KEY) ?? this.secrets.get(CHAT_KEY);
        const key = JSON.stringify([baseUrl, s.embeddingModel, apiKey]);
        // A server that failed (to connect, or since) is asked again next time, not remembered as it was.
        if (this.#embedder?.key !== key || this.#embedder.connected?.broken === true) {
            const embedder = RemoteEmbedder.connect({ baseUrl, apiKey, model: s.embeddingModel, ...(s.idleTimeoutSeconds != null ? { timeoutSeconds: s.idleTimeoutSeconds } : {}) });
            const entry: { key: string; embedder: Promise<RemoteEmbedder>; connected?: RemoteEmbedder } = { key, embedder };
            this.#embedder = entry;
            embedder.then((connected) => (entry.connected = connected), () => {
                if (this.#embedder === entry) this.#embedder = null;
            });
        }
        return this.#embedder.embedder;
    }

    configure(patch: RemoteConfigurePatch): RemoteEngineInfo {
        const current = this.#settings();
        const next: RemoteSettings = {
            ...current,
            ...(patch.mode != null ? { mode: patch.mode } : {}),
            ...(patch.baseUrl != null ? { baseUrl: patch.baseUrl.trim() === "" ? "" : serverAddress(patch.baseUrl) } : {}),
            ...(patch.model != null ? { model: patch.model.trim() } : {}),
            ...(patch.remoteEmbeddings != null ? { remoteEmbeddings: patch.remoteEmbeddings } : {}),
            ...(patch.embeddingBaseUrl != null ? { embeddingBaseUrl: patch.embeddingBaseUrl.trim() === "" ? "" : serverAddress(patch.embeddingBaseUrl) } : {}),
            ...(patch.embeddingModel != null ? { embeddingModel: patch.embeddingModel.trim() } : {}),
            ...(patch.firstTokenTimeoutSeconds != null ? { firstTokenTimeoutSeconds: patch.firstTokenTimeoutSeconds } : {}),
            ...(patch.idleTimeoutSeconds != null ? { idleTimeoutSeconds: patch.idleTimeoutSeconds } : {})
        };
        if (next.mode === "remote" && (next.baseUrl === "" || next.model === ""))
            throw new InvalidInputError("Give the server's address and the model name before using it, or choose this computer.");
        if (next.remoteEmbeddings && ((next.embeddingBaseUrl || next.baseUrl) === "" || next.embeddingModel === ""))
            throw new InvalidInputError("Give the embedding server's address (or the chat server's) and the embedding model's name first.");
        if (patch.apiKey !== undefined) this.secrets.set(CHAT_KEY, patch.apiKey == null || patch.apiKey.trim() === "" ? null : patch.apiKey.trim());
        if (patch.embeddingApiKey !== undefined)
            this.secrets.set(EMBEDDING_KEY, patch.embeddingApiKey == null || patch.embeddingApiKey.trim() === "" ? null : patch.embeddingApiKey.trim());
        this.store.setInternal("internal.remote.settings", next);
        this.#generator = null;
        this.#embedder = null;
        const info = this.info();
        for (const listener of this.#listeners) listener(info);
        return info;
    }

    /** "Test connection": asks the server for its models and says, in words, whether the chosen one is there. */
    async check(signal?: AbortSignal): Promise<RemoteEngineCheck> {
        const s = this.#settings();
        if (s.baseUrl === "") return { ok: false, message: "Enter the server's address first.", models: [] };
        const generator = this.#serverGenerator(s);
        try {
            const { ids, facts } = await generator.listModels(signal);
            generator.learn(facts);
            if (s.model !== "" && !ids.includes(s.model) && ids.length > 0)
                return { ok: false, message: `The server answers, but it has no model "${s.model}". It serves: ${ids.join(", ")}.`, models: ids };
            const context = facts.contextSize == null ? "" : ` (context ${facts.contextSize.toLocaleString("en-US")} tokens)`;
            return { ok: true, message: `Connected to ${s.baseUrl}: ${s.model || ids[0] || "the server"} is ready${context}.`, models: ids };
        } catch (error) {
            return { ok: false, message: error instanceof Error ? error.message : String(error), models: [] };
        }
    }

    #serverGenerator(s: RemoteSettings): RemoteChatGenerator {
        const apiKey = this.secrets.get(CHAT_KEY);
        const key = JSON.stringify([s.baseUrl, s.model, apiKey, s.firstTokenTimeoutSeconds, s.idleTimeoutSeconds]);
        if (this.#generator?.key === key) return this.#generator.generator;
        const generator = new RemoteChatGenerator({
            baseUrl: s.baseUrl, apiKey, model: s.model,
            ...(s.firstTokenTimeoutSeconds != null ? { firstTokenTimeoutSeconds: s.firstTokenTimeoutSeconds } : {}),
            ...(s.idleTimeoutSeconds != null ? { idleTimeoutSeconds: s.idleTimeoutSeconds } : {})
        });
        this.#generator = { key, generator };
        // What the server says of its model (context size, parameters) arrives in the background.
        if (s.mode === "remote") void generator.listModels().then(({ facts }) => generator.learn(facts), () => undefined);
        return generator;
    }

    #settings(): RemoteSettings {
        const parsed = settingsSchema.safeParse(this.store.internal("internal.remote.settings"));
        return parsed.success ? parsed.data : { ...DEFAULTS };
    }
}
