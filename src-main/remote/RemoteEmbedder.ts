import OpenAI from "openai";
import type { EmbedderIdentity } from "../engine/Embedder.js";
import type { IngestEmbedder } from "../ingest/types.js";
import { IdleDeadline } from "./IdleDeadline.js";
import { RemoteEngineError } from "./RemoteEngineError.js";
import { toRemoteError } from "./toRemoteError.js";

export type RemoteEmbeddingServer = { baseUrl: string; apiKey: string | null; model: string; timeoutSeconds?: number };

/** Texts sent in one request: large enough to keep a server busy, small enough for any request limit. */
const BATCH = 32;

/**
 * The library's embedding model on an OpenAI-compatible server: what ingestion and search need of an
 * embedding model (vectors L2-normalised like the local Embedder's, identity `remote:<model>`, so switching
 * to or from it re-embeds the library). Its dimension is learned from the server before first use.
 */
export class RemoteEmbedder implements IngestEmbedder {
    readonly #client: OpenAI;
    #broken = false;

    private constructor(private readonly server: RemoteEmbeddingServer, readonly identity: EmbedderIdentity) {
        this.#client = client(server);
    }

    /** Asks the server for one vector, to learn the dimension; a server that cannot embed is reported here. */
    static async connect(server: RemoteEmbeddingServer): Promise<RemoteEmbedder> {
        const [probe] = await embed(client(server), server, ["dimension"]);
        return new RemoteEmbedder(server, { fileName: `remote:${server.model}`, architecture: "remote", dimension: probe!.length, sizeBytes: 0 });
    }

    /** A request failed (server gone, refusing, garbage): the owner connects afresh instead of reusing this one. */
    get broken(): boolean {
        return this.#broken;
    }

    get modelName(): string {
        return this.server.model;
    }

    /** Servers do not say how long an input may be; 512 tokens suits every common embedding model. */
    get maxInputTokens(): number {
        return 512;
    }

    /** The server's tokenizer is not here: three characters a token overestimates, so chunks always fit. */
    countTokens(text: string): number {
        return Math.ceil(text.length / 3);
    }

    async embedMany(texts: readonly string[], onEach?: (done: number) => void): Promise<Float32Array[]> {
        const vectors: Float32Array[] = [];
        for (let start = 0; start < texts.length; start += BATCH) {
            const batch = await this.#request(texts.slice(start, start + BATCH));
            for (const vector of batch) {
                this.#checkDimension(vector);
                vectors.push(vector);
                onEach?.(vectors.length);
            }
        }
        return vectors;
    }

    async embed(text: string, signal?: AbortSignal): Promise<Float32Array> {
        const [vector] = await this.#request([text], signal);
        this.#checkDimension(vector!);
        return vector!;
    }

    async #request(input: string[], signal?: AbortSignal): Promise<Float32Array[]> {
        try {
            return await embed(this.#client, this.server, input, signal);
        } catch (error) {
            // Stop (the caller's abort) says nothing about the server.
            if (!signal?.aborted) this.#broken = true;
            throw error;
        }
    }

    /** A server whose model changed behind the same name would mix vectors that cannot be compared. */
    #checkDimension(vector: Float32Array): void {
        if (vector.length === this.identity.dimension) return;
        this.#broken = true;
        throw new RemoteEngineError(`The embedding server at ${this.server.baseUrl} now makes ${vector.length}-dimensional vectors for "${this.server.model}", not ${this.identity.dimension} as before. If its model changed, save the embedding settings again to index the library with it.`);
    }
}

function client(server: RemoteEmbeddingServer): OpenAI {
    return new OpenAI({ baseURL: server.baseUrl, apiKey: server.apiKey ?? "no-key", maxRetries: 1, timeout: ((server.timeoutSeconds ?? 60) + 30) * 1000 });
}

async function embed(openai: OpenAI, server: RemoteEmbeddingServer, input: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const seconds = server.timeoutSeconds ?? 60;
    const deadline = new IdleDeadline(seconds * 1000, seconds * 1000, signal);
    try {
        const response = await openai.embeddings.create({ model: server.model, input, encoding_format: "float" }, { signal: deadline.signal });
        const data = [...response.data].sort((a, b) => a.index - b.index);
        if (data.length !== input.length || data.some((item) => !Array.isArray(item.embedding) || item.embedding.length === 0))
            throw new Error(`asked for ${input.length} vectors, got ${data.length}`);
        return data.map((item) => normalise(item.embedding));
    } catch (error) {
        throw toRemoteError(error, server.baseUrl, deadline.expiredAfterSeconds);
    } finally {
        deadline.dispose();
    }
}

function normalise(values: readonly number[]): Float32Array {
    const out = Float32Array.from(values);
    let norm = 0;
    for (const v of out) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < out.length; i++) out[i]! /= norm;
    return out;
}
