import path from "node:path";
import type { Database } from "better-sqlite3";
import type { AdapterInfo, TrainingRunInfo } from "@common/contract/personalizeTypes.js";
import type { Engine } from "../engine/Engine.js";
import { AdapterRepository } from "../store/AdapterRepository.js";
import type { LibraryReader } from "../store/library/LibraryReader.js";
import type { ModelRepository } from "../store/ModelRepository.js";
import { TrainerClient, type TrainerClientOptions } from "../trainer/TrainerClient.js";
import { AdapterService } from "./AdapterService.js";
import { cleanAdaptersFolder } from "./cleanAdaptersFolder.js";
import { TrainingService, type TrainingServiceOptions } from "./TrainingService.js";

export type PersonalizeDeps = {
    db: Database;
    engine: Engine;
    library: Pick<LibraryReader, "listDocuments" | "listParts" | "getDocument" | "documentChunks">;
    models: ModelRepository;
    /** The chat model chosen in Settings (the CLI: the one it was given). */
    chatModelId: () => string | null;
    /** Adapters are kept in `<dataDir>/adapters`. */
    dataDir: string;
    onProgress?: (run: TrainingRunInfo) => void;
    onAdaptersChanged?: (adapters: AdapterInfo[]) => void;
    /** How the trainer worker is started (Electron could pass its own process API). */
    trainer?: TrainerClientOptions;
    /** Training options beyond budget and threads, for tests and benchmarks. */
    training?: TrainingServiceOptions["training"];
    /** Memory free for a run; the operating system's figure by default (the app passes a simulated machine's). */
    memory?: TrainingServiceOptions["memory"];
    /** Other work that takes the cores (the app: the Advisor measuring), as a message; null when there is none. */
    busyElsewhere?: TrainingServiceOptions["busyElsewhere"];
    /** False gives the trainer every thread (the CLI: nothing else runs meanwhile). Default true. */
    keepThreadsForChat?: boolean;
};

/** Personalize: the adapter registry and the training runs, built once for the app or the CLI. */
export function createPersonalize(deps: PersonalizeDeps) {
    const repository = new AdapterRepository(deps.db);
    const adapters = new AdapterService(repository, deps.engine, (list) => deps.onAdaptersChanged?.(list));
    const training = new TrainingService({
        trainer: new TrainerClient(deps.trainer),
        library: deps.library,
        models: deps.models,
        chatModelId: deps.chatModelId,
        adapters: repository,
        engine: deps.engine,
        adaptersDir: path.join(deps.dataDir, "adapters"),
        onProgress: (run) => deps.onProgress?.(run),
        onAdapterAdded: () => adapters.added(),
        ...(deps.training ? { training: deps.training } : {}),
        ...(deps.memory ? { memory: deps.memory } : {}),
        ...(deps.busyElsewhere ? { busyElsewhere: deps.busyElsewhere } : {}),
        ...(deps.keepThreadsForChat === undefined ? {} : { keepThreadsForChat: deps.keepThreadsForChat })
    });
    return {
        adapters, training, repository,
        /** Removes what a crash left in the adapters folder, then hands the active adapter to the engine (it applies whenever its base model is loaded). */
        start: async () => {
            const adaptersDir = path.join(deps.dataDir, "adapters");
            await cleanAdaptersFolder(adaptersDir, new Set(repository.list().map((adapter) => path.resolve(adapter.filePath))));
            await adapters.restore();
        },
        /** Stops a running training (its best adapter is kept when it stops in time) and the worker. */
        dispose: () => training.dispose()
    };
}

export type Personalize = ReturnType<typeof createPersonalize>;
