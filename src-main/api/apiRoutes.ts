import type { ApiDeps } from "./ApiDeps.js";
import type { ApiRoute } from "./ApiRoute.js";
import { chatCompletionsRoute } from "./endpoints/chatCompletions.js";
import { completionsRoute } from "./endpoints/completions.js";
import { embeddingsRoute } from "./endpoints/embeddings.js";
import { modelsRoutes } from "./endpoints/models.js";
import { vectorStoreRoutes } from "./endpoints/vectorStores.js";

/** Every endpoint of Locus's OpenAI-compatible API. */
export function apiRoutes(deps: ApiDeps): ApiRoute[] {
    return [...modelsRoutes(deps), chatCompletionsRoute(deps), completionsRoute(deps), embeddingsRoute(deps), ...vectorStoreRoutes(deps)];
}
