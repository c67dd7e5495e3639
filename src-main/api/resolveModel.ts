import { ApiError } from "./ApiError.js";
import type { ApiModelEntry } from "./ApiModelEntry.js";

/**
 * The model a request names, checked against what it is for. An unknown name is a 404 (as OpenAI answers);
 * a model of the wrong kind, or one installed but not the one in use, is the client's to change (400).
 */
export function resolveModel(entries: readonly ApiModelEntry[], name: string, purpose: "chat" | "completion" | "embedding"): ApiModelEntry {
    const entry = entries.find((candidate) => candidate.id === name);
    const known = entries.map((candidate) => candidate.id).join(", ") || "none yet";
    if (entry == null)
        throw new ApiError(404, `The model "${name}" does not exist in Locus. Models it serves: ${known}.`, "invalid_request_error", "model_not_found", "model");
    if (purpose === "embedding" && entry.role !== "embedding")
        throw ApiError.invalid(`"${name}" is not an embedding model. Use the embedding model from GET /v1/models.`, "model", "wrong_model_type");
    if (purpose !== "embedding" && entry.role === "embedding")
        throw ApiError.invalid(`"${name}" is an embedding model: use it with /v1/embeddings, and a chat model here.`, "model", "wrong_model_type");
    if (purpose === "completion" && entry.role === "library")
        throw ApiError.invalid(`"${name}" answers questions from the library: use it with /v1/chat/completions.`, "model", "wrong_model_type");
    if (!entry.ready && entry.role === "library")
        throw new ApiError(503, "No chat model is loaded to answer from the library. Load one in Locus first.", "service_unavailable",
            "model_not_loaded", null, { "x-should-retry": "false" });
    if (!entry.ready) {
        const inUse = entries.find((candidate) => candidate.role === entry.role && candidate.ready)?.id;
        const advice = entry.role === "embedding"
            ? "Choose it as the embedding model in Locus's Settings"
            : "Load it in Locus's Models panel";
        throw ApiError.invalid(`"${name}" is installed but not in use. ${advice}${inUse ? `, or ask for "${inUse}"` : ""}.`, "model", "model_not_loaded");
    }
    return entry;
}
