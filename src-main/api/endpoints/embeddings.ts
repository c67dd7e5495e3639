import { ApiError } from "../ApiError.js";
import type { ApiDeps } from "../ApiDeps.js";
import type { ApiRoute } from "../ApiRoute.js";
import { resolveModel } from "../resolveModel.js";
import { embeddingRequestSchema } from "../wire/embeddingRequest.js";
import { parseRequest } from "../wire/parseRequest.js";

/**
 * POST /v1/embeddings with the library's embedding model: a string or a list of strings, as float arrays or
 * base64 (little-endian float32, which OpenAI's clients ask for by default and decode themselves).
 */
export function embeddingsRoute(deps: ApiDeps): ApiRoute {
    return {
        method: "POST", path: "/v1/embeddings",
        handle: async ({ body, signal }) => {
            const request = parseRequest(embeddingRequestSchema, body);
            const entry = resolveModel(deps.models(), request.model, "embedding");
            const embedder = await deps.embedder();
            if (embedder == null)
                throw new ApiError(503, "No embedding model is chosen. Choose one in Locus's Settings.", "service_unavailable", "model_not_loaded", null, { "x-should-retry": "false" });
            const inputs = typeof request.input === "string" ? [request.input] : request.input;
            const { vectors, tokens } = await embedder.embed(inputs, signal);
            const dimension = vectors[0]?.length ?? 0;
            if (request.dimensions != null && request.dimensions !== dimension)
                throw ApiError.invalid(`${entry.id} makes ${dimension}-dimensional vectors; it cannot shorten them to ${request.dimensions}.`, "dimensions");
            const base64 = request.encoding_format === "base64";
            return {
                json: {
                    object: "list", model: entry.id,
                    data: vectors.map((vector, index) => ({
                        object: "embedding", index, embedding: base64 ? toBase64(vector) : Array.from(vector)
                    })),
                    usage: { prompt_tokens: tokens, total_tokens: tokens }
                }
            };
        }
    };
}

/** Float32 values as little-endian bytes in base64, as OpenAI sends them. */
function toBase64(vector: Float32Array): string {
    const bytes = Buffer.alloc(vector.length * 4);
    for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i]!, i * 4);
    return bytes.toString("base64");
}
