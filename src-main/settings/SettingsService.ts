import type { Settings } from "@common/contract/settingsTypes.js";
import { InvalidInputError, NotFoundError } from "@common/errors.js";
import type { SettingsRepository } from "./SettingsRepository.js";

/** Reads and changes the person's settings; model ids must name models in the list. */
export class SettingsService {
    readonly #listeners = new Set<(settings: Settings) => void>();

    constructor(
        private readonly repository: SettingsRepository,
        /** The role of a model in the list, or undefined when it is not there. */
        private readonly modelRole: (modelId: string) => "chat" | "embedding" | "reranker" | undefined
    ) {}

    get(): Settings {
        return this.repository.read();
    }

    update(patch: Partial<Settings>): Settings {
        for (const key of ["chatModelId", "embeddingModelId", "rerankerModelId"] as const) {
            const id = patch[key];
            if (id == null) continue;
            const role = this.modelRole(id);
            if (role == null) throw new NotFoundError(`The model chosen for ${describe(key)} is no longer in the list. Add it again.`);
            if (role !== roleFor[key])
                throw new InvalidInputError(`That is ${article(role)} model; ${describe(key)} needs ${article(roleFor[key])} model.`);
        }
        const settings = this.repository.write(patch);
        for (const listener of this.#listeners) listener(settings);
        return settings;
    }

    onChange(listener: (settings: Settings) => void): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }
}

function describe(key: "chatModelId" | "embeddingModelId" | "rerankerModelId"): string {
    return key === "chatModelId" ? "chat" : key === "embeddingModelId" ? "indexing documents" : "reranking";
}

const roleFor = { chatModelId: "chat", embeddingModelId: "embedding", rerankerModelId: "reranker" } as const;

function article(role: "chat" | "embedding" | "reranker"): string {
    return role === "embedding" ? "an embedding" : role === "chat" ? "a chat" : "a reranking";
}
