import type { Settings } from "@common/contract/settingsTypes.js";
import { NotFoundError } from "@common/errors.js";
import type { SettingsRepository } from "./SettingsRepository.js";

/** Reads and changes the person's settings; model ids must name models in the list. */
export class SettingsService {
    readonly #listeners = new Set<(settings: Settings) => void>();

    constructor(
        private readonly repository: SettingsRepository,
        private readonly modelExists: (modelId: string) => boolean
    ) {}

    get(): Settings {
        return this.repository.read();
    }

    update(patch: Partial<Settings>): Settings {
        for (const key of ["chatModelId", "embeddingModelId", "rerankerModelId"] as const) {
            const id = patch[key];
            if (id != null && !this.modelExists(id)) throw new NotFoundError(`The model chosen for ${describe(key)} is no longer in the list. Add it again.`);
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
