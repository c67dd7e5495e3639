import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "better-sqlite3";
import { readGgufFileInfo } from "node-llama-cpp";
import type { AdvisorRunInfo } from "@common/contract/advisorTypes.js";
import { NotFoundError } from "@common/errors.js";
import type { Engine } from "../engine/Engine.js";
import type { ModelService } from "../models/ModelService.js";
import type { Personalize } from "../personalize/createPersonalize.js";
import { loraShapeFor } from "../personalize/loraShapeFor.js";
import { planTrainingMemory, type TrainingMemory } from "../personalize/planTrainingMemory.js";
import type { Library } from "../services/createLibrary.js";
import type { SettingsService } from "../settings/SettingsService.js";
import { AdvisorRepository, type StoredAdvisorRun } from "../store/AdvisorRepository.js";
import type { ModelRepository } from "../store/ModelRepository.js";
import { fingerprintModelFile } from "../trainer/adapter/fingerprintModelFile.js";
import type { TrainerClientOptions } from "../trainer/TrainerClient.js";
import { withDefaultTrainingOptions } from "../trainer/defaultTrainingOptions.js";
import { AdvisorService, type AdvisorServiceOptions } from "./AdvisorService.js";
import type { CandidateModel } from "./run/types.js";

export type AdvisorFactoryDeps = {
    db: Database;
    dataDir: string;
    engine: Engine;
    library: Pick<Library, "store" | "retriever" | "answerer">;
    models: ModelRepository;
    modelService: ModelService;
    settings: SettingsService;
    personalize: Pick<Personalize, "adapters" | "repository" | "training">;
    onProgress: (run: AdvisorRunInfo) => void;
    trainer?: TrainerClientOptions;
    /** Memory free for a learning run now (the app passes a simulated machine's under --simulate-hardware). */
    memory: () => Promise<TrainingMemory>;
    plan?: AdvisorServiceOptions["plan"];
};

/** The Advisor wired to the app's services: which models it measures, what fits, and how a recommendation is applied. */
export function createAdvisor(deps: AdvisorFactoryDeps): AdvisorService {
    const { engine, library, models, settings, personalize } = deps;
    return new AdvisorService({
        repository: new AdvisorRepository(deps.db),
        dataDir: deps.dataDir,
        library: library.store,
        engine,
        trainingBusy: () => ["preparing", "training", "saving"].includes(personalize.training.status()?.state ?? "done"),
        onProgress: deps.onProgress,
        ...(deps.trainer ? { trainer: deps.trainer } : {}),
        ...(deps.plan ? { plan: deps.plan } : {}),
        candidates: async () => {
            const chatId = settings.get().chatModelId;
            const chat = models.list().filter((model) => model.role === "chat");
            const present = (await Promise.all(chat.map(async (model) => ((await fs.stat(model.path).catch(() => null))?.isFile() ? model : null))))
                .filter((model) => model != null);
            // The chat model in use first: it writes the medium probes.
            return present.sort((a, b) => Number(b.id === chatId) - Number(a.id === chatId))
                .map((model): CandidateModel => ({ id: model.id, name: model.displayName, path: model.path, sizeBytes: model.sizeBytes }));
        },
        deps: {
            llama: () => engine.llama(),
            gpu: false,
            retriever: async () => (await library.retriever()).retriever,
            answerer: () => library.answerer(),
            cannotTrain: async (model) => {
                const info = await readGgufFileInfo(model.path, { logWarnings: false }).catch(() => null);
                if (info == null) return `${model.name} could not be read to plan a learning run.`;
                const defaults = withDefaultTrainingOptions({ budgetSeconds: 60, threads: 1, ...loraShapeFor(info, [], model.sizeBytes) });
                try {
                    planTrainingMemory({
                        modelName: model.name, info, fileBytes: model.sizeBytes, windowTokens: defaults.windowTokens,
                        microBatchTokens: defaults.microBatchTokens, fixedMicroBatch: false, lastLayers: defaults.lastLayers
                    }, await deps.memory());
                    return null;
                } catch (error) {
                    return error instanceof Error ? error.message : String(error);
                }
            }
        },
        apply: (run) => applyRun(deps, run)
    });
}

/**
 * Puts a run's recommendation into effect: the model (a lower-bit copy is copied into the models folder and
 * added to the list), the learning method in Settings, and the adapter (copied into the registry and made
 * active) or none.
 */
async function applyRun(deps: AdvisorFactoryDeps, run: StoredAdvisorRun): Promise<void> {
    const recommendation = run.info.recommendation!;
    const config = run.info.configs.find((c) => c.key === recommendation.configKey);
    const files = run.files[recommendation.configKey];
    if (config == null || files == null) throw new NotFoundError("The recommended setup's files are no longer there: run the Advisor again.");

    let modelId = config.modelId;
    if (config.compression !== "original") {
        const target = path.join(deps.dataDir, "models", path.basename(files.modelPath));
        if (!(await fs.stat(target).then(() => true, () => false))) {
            await fs.mkdir(path.dirname(target), { recursive: true });
            const temp = `${target}.partial-${randomUUID()}`;
            await fs.copyFile(files.modelPath, temp);
            await fs.rename(temp, target);
        }
        modelId = (await deps.modelService.addFromPath(target, undefined, { displayName: `${config.modelName} (${config.compression}, made by the Advisor)` })).id;
    }
    if (deps.engine.status.modelId !== modelId || deps.engine.status.state !== "ready") await deps.modelService.load(modelId);
    deps.settings.update({ chatModelId: modelId, learningMethod: config.method });

    if (files.adapterPath == null) {
        await deps.personalize.adapters.deactivate();
        return;
    }
    const model = deps.models.get(modelId)!;
    const filePath = path.join(deps.dataDir, "adapters", `${randomUUID()}.gguf`);
    await fs.mkdir(path.dirname(filePath), { recursive: true });
    await fs.copyFile(files.adapterPath, `${filePath}.partial`);
    await fs.rename(`${filePath}.partial`, filePath);
    const learned = new Set(files.documentIds ?? []);
    const documents = deps.library.store.listDocuments(["indexed"]).filter((d) => learned.size === 0 || learned.has(d.id)).map((d) => ({ id: d.id, name: d.displayName }));
    const share = config.dataFraction ?? 1;
    const adapter = deps.personalize.repository.add({
        name: `Advisor: ${String(Math.round(share * 100))}% of the library, ${String(Math.round(config.learningSeconds / 60))} min`,
        filePath, baseModelId: model.id, baseModelName: model.displayName, baseModelFingerprint: await fingerprintModelFile(model.path),
        documents,
        budgetMinutes: config.learningSeconds / 60, steps: 0, tokensTrained: 0, lossBefore: null, lossAfter: null, lossOn: "held-out",
        sizeBytes: (await fs.stat(filePath)).size
    });
    await deps.personalize.adapters.activate(adapter.id);
}
