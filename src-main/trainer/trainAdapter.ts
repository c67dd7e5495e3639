import fs from "node:fs/promises";
import path from "node:path";
import { adapterMetadata, type BaseModelIdentity } from "./adapter/adapterMetadata.js";
import { checkpointFilePath, initialAdapterPath, removeLeftoverFiles } from "./adapter/adapterFiles.js";
import { fingerprintModelFile } from "./adapter/fingerprintModelFile.js";
import { prepareTrainingData, type TrainingSource } from "./data/prepareTrainingData.js";
import { NativeTrainerError } from "./errors/NativeTrainerError.js";
import { NotEnoughTrainingDataError } from "./errors/NotEnoughTrainingDataError.js";
import { TrainingDivergedError } from "./errors/TrainingDivergedError.js";
import { loadNativeTrainer } from "./native/loadNativeTrainer.js";
import type { NativeTrainerAddon, NativeTrainerSession } from "./native/nativeTrainerTypes.js";
import { runTraining } from "./runTraining.js";
import { BudgetPlanner } from "./schedule/BudgetPlanner.js";
import type { QaPair, TrainingEvent, TrainingRequest, TrainingResult } from "./types.js";

export type TrainAdapterHooks = {
    onEvent: (event: TrainingEvent) => void;
    isCancelled: () => boolean;
    /** Clock in ms since the epoch; Date.now by default. */
    now?: () => number;
    /** The native addon; loaded from the build folder by default. */
    addon?: NativeTrainerAddon;
};

export type TrainAdapterRun = {
    result: TrainingResult;
    /** Frees the model and context; call after the result was delivered (it is not free for big models). */
    release: () => Promise<void>;
};

/** The budget may end up to this fraction late (DESIGN.md: within 5%). */
const budgetTolerance = 0.05;

/**
 * Trains a LoRA adapter for `request.modelPath` on `request.documents` within the time budget: writes a
 * fresh adapter, loads the base (un-repacked) with it, tokenizes and splits the documents, runs the
 * loop, and returns the adapter that did best on held-out documents. Runs in the trainer worker.
 */
export async function trainAdapter(request: TrainingRequest, hooks: TrainAdapterHooks): Promise<TrainAdapterRun> {
    const now = hooks.now ?? Date.now;
    const { options } = request;
    const startedAt = options.startedAt ?? now();
    const workerStartedAt = now();
    const addon = hooks.addon ?? loadNativeTrainer();
    await fs.mkdir(request.outputDir, { recursive: true });
    await removeLeftoverFiles(request.outputDir);

    const [fingerprint, modelStat] = await Promise.all([fingerprintModelFile(request.modelPath), fs.stat(request.modelPath)]);
    const base: BaseModelIdentity = { fingerprint, fileName: path.basename(request.modelPath), fileSize: modelStat.size };
    const shape = { targets: options.targets, rank: options.rank, lastLayers: options.lastLayers };

    const initialPath = initialAdapterPath(request.outputDir, request.name);
    let session: NativeTrainerSession;
    try {
        // Resuming copies the earlier adapter to the scratch path: the session writes its checkpoints elsewhere.
        if (request.resumeFrom != null) await fs.copyFile(request.resumeFrom, initialPath);
        else await addon.writeFreshAdapter({
            modelPath: request.modelPath, outputPath: initialPath, targets: options.targets, rank: options.rank, alpha: options.alpha,
            lastLayers: options.lastLayers, seed: options.seed, metadata: adapterMetadata(base, shape)
        }).catch((error: unknown) => Promise.reject(NativeTrainerError.from(error, "creating the adapter")));
        session = await addon.openSession({
            modelPath: request.modelPath, adapterPath: initialPath, scratchDir: request.outputDir, contextSize: options.windowTokens,
            microBatchSize: Math.min(options.microBatchTokens, options.windowTokens), threads: options.threads, weightDecay: options.weightDecay
        }).catch((error: unknown) => Promise.reject(NativeTrainerError.from(error, "loading the model")));
    } finally {
        await fs.rm(initialPath, { force: true });
    }

    try {
        const info = session.info();
        const exchanges = (request.pairs ?? []).map((pair, index) => exchangeSource(session, pair, index));
        const data = await prepareTrainingData([...request.documents, ...exchanges], (text, special) => session.tokenize(text, true, special), {
            windowTokens: info.contextSize,
            validationFraction: options.validationFraction,
            ...(request.validationDocumentIds != null ? { validationDocumentIds: request.validationDocumentIds } : {}),
            maxValidationWindows: options.maxValidationWindows,
            seed: options.seed
        });
        if (data.trainWindows.length === 0) throw new NotEnoughTrainingDataError({ documents: request.documents.length, tokens: 0 });
        const loadSeconds = (now() - workerStartedAt) / 1000;
        const planner = new BudgetPlanner({
            startedAtMs: startedAt, budgetSeconds: options.budgetSeconds, tolerance: budgetTolerance, validationOverhead: options.validationOverhead
        });
        const outcome = await runTraining({
            session, trainWindows: data.trainWindows, validationWindows: data.validationWindows, windowTokens: info.contextSize,
            options, planner, now,
            checkpointPath: (step) => checkpointFilePath(request.outputDir, request.name, step),
            adapterMetadata: (step, validationLoss) => adapterMetadata(base, shape, { step, validationLoss }),
            removeFile: (filePath) => fs.rm(filePath, { force: true }),
            isCancelled: hooks.isCancelled,
            onEvent: hooks.onEvent
        }).catch((error: unknown) => Promise.reject(NativeTrainerError.from(error, "training")));
        if (outcome.adapterPath === null && outcome.stoppedBy === "diverged") {
            throw new TrainingDivergedError({ learningRate: outcome.lastLearningRate, divergences: outcome.divergences });
        }
        const result: TrainingResult = {
            adapterPath: outcome.adapterPath,
            stats: {
                steps: outcome.steps,
                tokens: outcome.tokens,
                stoppedBy: outcome.stoppedBy,
                initialValidationLoss: outcome.initialValidationLoss,
                bestValidationLoss: outcome.bestValidationLoss,
                lastValidationLoss: outcome.lastValidationLoss,
                bestStep: outcome.bestStep,
                finalTrainLoss: outcome.finalTrainLoss,
                divergences: outcome.divergences,
                trainTokens: data.trainTokens,
                validationTokens: data.validationTokens,
                trainDocuments: data.trainDocuments,
                validationDocuments: data.validationDocuments,
                pairs: exchanges.length,
                pairsInChatTemplate: exchanges.length > 0 && exchanges.every((exchange) => exchange.specialTokens === true),
                tokensPerSecond: outcome.tokens / Math.max(outcome.optimizerSeconds, 1e-9),
                wallSeconds: (now() - startedAt) / 1000,
                budgetSeconds: options.budgetSeconds,
                optimizerSeconds: outcome.optimizerSeconds,
                validationSeconds: outcome.validationSeconds,
                startSeconds: (workerStartedAt - startedAt) / 1000,
                loadSeconds,
                saveSeconds: outcome.saveSeconds,
                windowTokens: info.contextSize,
                trainableParameters: info.trainableParameters,
                threads: info.threads,
                // maxRSS is in KiB (Linux, macOS and Windows alike in Node's resourceUsage).
                peakRssBytes: process.resourceUsage().maxRSS * 1024
            }
        };
        return { result, release: () => session.dispose() };
    } catch (error) {
        await session.dispose().catch(() => undefined);
        throw error;
    }
}

/**
 * A pair as one exchange in the model's own chat template (its markers parsed as special tokens), so the
 * adapter learns to answer so in chat; plain "Question: … Answer: …" text for a model without one.
 */
function exchangeSource(session: NativeTrainerSession, pair: QaPair, index: number): TrainingSource {
    const id = `pair-${String(index + 1)}`;
    const exchange = session.formatExchange(pair.question, pair.answer);
    return exchange === null
        ? { id, text: `Question: ${pair.question}\nAnswer: ${pair.answer}\n` }
        : { id, text: exchange, specialTokens: true };
}
