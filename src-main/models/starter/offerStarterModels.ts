import type { ModelService } from "../ModelService.js";
import type { SettingsRepository } from "../../settings/SettingsRepository.js";
import type { SettingsService } from "../../settings/SettingsService.js";
import type { InstalledStarterModel } from "./findStarterModels.js";

const OFFERED_KEY = "internal.starterModelsOffered";

/**
 * Puts the starter models in the model list the first time Locus sees each (by id and package version),
 * and makes them the choice where the person has none: the embedding model for the library, the chat
 * model to load. A starter model the person removed is not added again until a new version comes.
 */
export async function offerStarterModels(deps: {
    installed: readonly InstalledStarterModel[]; models: ModelService; settings: SettingsService; repository: SettingsRepository;
    log?: (message: string) => void;
}): Promise<void> {
    const { models, settings, repository } = deps;
    const stored = repository.internal(OFFERED_KEY);
    const offered = new Set(Array.isArray(stored) ? stored.filter((item): item is string => typeof item === "string") : []);
    for (const { model, path } of deps.installed) {
        const key = `${model.id}@${model.package.version}`;
        if (offered.has(key)) continue;
        try {
            const info = await models.addFromPath(path, undefined, { displayName: model.displayName });
            const current = settings.get();
            if (model.role === "embedding" && current.embeddingModelId == null) settings.update({ embeddingModelId: info.id });
            if (model.role === "chat" && current.chatModelId == null) settings.update({ chatModelId: info.id });
        } catch (error) {
            deps.log?.(`Locus: the starter model ${model.displayName} could not be added: ${error instanceof Error ? error.message : String(error)}`);
            continue;
        }
        offered.add(key);
        repository.setInternal(OFFERED_KEY, [...offered]);
    }
}
