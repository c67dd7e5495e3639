import { LocusError } from "@common/errors.js";
import { QueueFullError } from "../engine/QueueFullError.js";
import { ApiError } from "./ApiError.js";

/**
 * What an API client is told when a request fails: Locus's own errors keep their message (it says what to
 * do) under the HTTP status that matches; anything else is a 500 without internals.
 */
export function toApiError(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    if (error instanceof QueueFullError)
        return new ApiError(429, error.message, "rate_limit_error", "queue_full", null, { "retry-after": String(error.retryAfterSeconds) });
    if (error instanceof LocusError) {
        switch (error.kind) {
            case "invalid-input": return new ApiError(400, error.message, "invalid_request_error");
            case "not-found": return new ApiError(404, error.message, "not_found_error", "not_found");
            case "unsupported": return new ApiError(400, error.message, "invalid_request_error", "unsupported");
            case "busy": return new ApiError(429, error.message, "rate_limit_error", "busy", null, { "retry-after": "2" });
            // Retrying cannot help until the person loads a model, so OpenAI's clients are told not to.
            case "no-model-loaded": return new ApiError(503, error.message, "service_unavailable", "model_not_loaded", null, { "x-should-retry": "false" });
            case "forbidden": return new ApiError(403, error.message, "permission_error");
            case "network": return new ApiError(502, error.message, "server_error", "upstream_unavailable");
            default: return new ApiError(500, error.message, "server_error");
        }
    }
    return new ApiError(500, "Locus could not complete the request because of an internal error; its log has the details.", "server_error");
}
