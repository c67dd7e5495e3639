import { ApiError } from "../ApiError.js";
import type { ApiDeps } from "../ApiDeps.js";
import type { ApiModelEntry } from "../ApiModelEntry.js";
import type { ApiRoute } from "../ApiRoute.js";

/** GET /v1/models and /v1/models/:id: installed chat and embedding models, and `locus-library`. */
export function modelsRoutes(deps: ApiDeps): ApiRoute[] {
    return [
        { method: "GET", path: "/v1/models", handle: () => ({ json: { object: "list", data: deps.models().map(wireModel) } }) },
        {
            method: "GET", path: "/v1/models/:id",
            handle: ({ params }) => {
                const entry = deps.models().find((candidate) => candidate.id === params.id);
                if (entry == null) throw new ApiError(404, `The model "${params.id}" does not exist in Locus.`, "invalid_request_error", "model_not_found", "model");
                return { json: wireModel(entry) };
            }
        }
    ];
}

/** OpenAI's model object, plus what the model is for and whether it can answer now. */
function wireModel(entry: ApiModelEntry) {
    return { id: entry.id, object: "model", created: entry.created, owned_by: "locus", role: entry.role, ready: entry.ready };
}
