import os from "node:os";
import path from "node:path";
import type { MethodName } from "@common/contract/methods.js";
import type { AppInfo } from "@common/contract/types.js";
import { NotFoundError, UnsupportedError } from "@common/errors.js";
import type { HardwareProfile } from "@common/setup/types.js";
import type { ApiService } from "../api/ApiService.js";
import { createApi } from "../api/createApi.js";
import { AttachmentUploads } from "../chat/attachments/AttachmentUploads.js";
import { chatHandlers } from "../chat/chatHandlers.js";
import { ChatService } from "../chat/ChatService.js";
import { Engine, type EngineOptions } from "../engine/Engine.js";
import { GenerationTurns } from "../engine/GenerationTurns.js";
import { HardwareProbe } from "../hardware/HardwareProbe.js";
import { Dispatcher } from "../ipc/Dispatcher.js";
import { bundledCatalog } from "../models/bundledCatalog.js";
import { quantSchema, type Catalog, type Quant } from "../models/catalogSchema.js";
import { FileSecretStore } from "../remote/FileSecretStore.js";
import { RemoteEngine } from "../remote/RemoteEngine.js";
import type { SecretStore } from "../remote/SecretStore.js";
import { ModelDownloadService } from "../models/download/ModelDownloadService.js";
import type { DownloadProgress } from "../models/download/downloadTypes.js";
import { toContractJob } from "../models/download/toContractJob.js";
import { ModelFits } from "../models/fit/ModelFits.js";
import { ModelService, type PickModelFile } from "../models/ModelService.js";
import { RemoteHeaderCache } from "../models/remoteHeader/RemoteHeaderCache.js";
import { createAdvisor } from "../advisor/createAdvisor.js";
import { engineSettingsPatch } from "../engine/engineSettingsPatch.js";
import type { AdvisorService } from "../advisor/AdvisorService.js";
import type { InstalledStarterModel } from "../models/starter/findStarterModels.js";
import { offerStarterModels } from "../models/starter/offerStarterModels.js";
import { createPersonalize, type Personalize, type PersonalizeDeps } from "../personalize/createPersonalize.js";
import { ChatRepository } from "../store/ChatRepository.js";
import { SettingsRepository } from "../settings/SettingsRepository.js";
import { SettingsService } from "../settings/SettingsService.js";
import { SetupService } from "../setup/SetupService.js";
import { ModelRepository } from "../store/ModelRepository.js";
import { BackupService } from "../store/backup/BackupService.js";
import { openLocusDatabase } from "../store/backup/openLocusDatabase.js";
import { createLibrary, type Library, type OpenFile } from "./createLibrary.js";
import type { SpawnWorkerProcess } from "../workers/WorkerProcess.js";
import { EventHub } from "./EventHub.js";
import { findMissingParts } from "./findMissingParts.js";
import { LOCUS_VERSION } from "./version.js";

export type ServicesOptions = {
    /** Folder for the database and everything Locus keeps. */
    dataDir: string;
    host: AppInfo["host"];
    /** Native file dialog (Electron); without it the person types a path (browser host). */
    pickModelFile?: PickModelFile;
    engine?: Partial<EngineOptions>;
    /** Native dialog to choose documents or folders (Electron); without it the person types paths. */
    pickDocuments?: (folders: boolean) => Promise<string[]>;
    /** Opens a document with the system's default app (Electron). */
    openFile?: OpenFile;
    /** Native dialog to choose a file of question-answer pairs for Personalize (Electron); null when cancelled. */
    pickPairsFile?: () => Promise<string | null>;
    /** A made-up machine for the setup wizard (tests, demos); by default this computer is probed. */
    simulatedHardware?: HardwareProfile;
    /** Model hub address (tests use a local fake hub); default https://huggingface.co/. */
    hubEndpoint?: string;
    /** The catalog downloads come from (tests: models their fake hub serves); the bundled catalog by default. */
    downloadCatalog?: Catalog;
    /** How worker processes (trainer, parser) start: Electron's utility processes in the app; fork by default. */
    spawnWorker?: SpawnWorkerProcess;
    /** Longest answer in tokens (default 2048). */
    maxAnswerTokens?: number;
    /** Training options beyond budget and threads (tests use a higher learning rate and a step limit). */
    training?: PersonalizeDeps["training"];
    /** Where remote servers' API keys are kept (Electron: safeStorage); default: files only this user can read. */
    secrets?: SecretStore;
    /** Advisor plan settings beyond the budget (tests use fewer probes). */
    advisor?: Parameters<typeof createAdvisor>[0]["plan"];
    /** The starter models installed with Locus (hosts find them); added to the list and chosen on first start. */
    starterModels?: readonly InstalledStarterModel[];
    /** Start from this backup of the library ("latest": the newest good one); the current file is kept beside it. */
    restoreBackup?: string;
    /** Restarts Locus so a restore chosen in Settings happens at once; without it the person restarts. */
    restart?: () => void;
};

export type Services = {
    dispatcher: Dispatcher;
    events: EventHub;
    engine: Engine;
    chats: ChatService;
    models: ModelService;
    library: Library;
    setup: SetupService;
    settings: SettingsService;
    personalize: Personalize;
    /** The local OpenAI-compatible API (off unless the person turned it on). */
    api: ApiService;
    /** Turns on the chat model's sequence: the app's chat and API requests take them fairly. */
    turns: GenerationTurns;
    /** Settings → Engine: this computer, or an OpenAI-compatible server. */
    remote: RemoteEngine;
    advisor: AdvisorService;
    backups: BackupService;
    dispose(): Promise<void>;
};

/** The composition root: builds every service once, wires them, and disposes them in reverse order. */
export async function createServices(options: ServicesOptions): Promise<Services> {
    const { db, backups: backupStore, restored } = await openLocusDatabase({
        dataDir: options.dataDir, ...(options.restoreBackup != null ? { restoreBackup: options.restoreBackup } : {})
    });
    if (restored !== null)
        console.error(`Locus: the library was restored from the backup ${restored.backupId}` +
            (restored.replacedFile === null ? "." : `; the database it replaced is kept as ${restored.replacedFile}.`));
    const backups = new BackupService(backupStore, db, { ...(options.restart ? { restart: options.restart } : {}) });
    const events = new EventHub();
    const modelRepository = new ModelRepository(db);
    const settingsRepository = new SettingsRepository(db);
    const settings = new SettingsService(settingsRepository, (id) => modelRepository.get(id)?.role);
    const saved = settings.get();
    const engine = new Engine({
        gpu: "auto", contextSize: saved.contextSize, ...(saved.threads != null ? { threads: saved.threads } : {}), ...options.engine
    });
    // Only what the person changed reaches the engine: the host's own --threads or --context stay otherwise.
    let engineSettings: Pick<typeof saved, "contextSize" | "threads"> = saved;
    settings.onChange((next) => {
        const patch = engineSettingsPatch(engineSettings, next);
        engineSettings = next;
        if (patch !== null) engine.configure(patch);
    });
    // Fits use the wizard's view of the hardware: `setup` is built below, and asked only once the list is read.
    const fits = new ModelFits({
        hardware: (): Promise<HardwareProfile> => setup.hardware(), contextSize: () => settings.get().contextSize, llama: () => engine.llama()
    });
    const models = new ModelService(modelRepository, engine, options.pickModelFile ?? null, fits);
    const remote = new RemoteEngine(settingsRepository, options.secrets ?? new FileSecretStore(path.join(options.dataDir, "secrets")));
    const library = createLibrary({ db, engine, settings, models: modelRepository, events, openFile: options.openFile ?? null,
        remoteEmbedder: () => remote.embedder(),
        ...(options.spawnWorker ? { spawnWorker: options.spawnWorker } : {})
    });
    // The model's one sequence is shared by the app's chat and the local API, in turns.
    const turns = new GenerationTurns();
    // Embeddings from a server (or back from one) re-index the library at the next run.
    remote.onChange(() => library.ingest.resume());
    const chats = new ChatService(new ChatRepository(db), engine, events, {
        maxAnswerTokens: options.maxAnswerTokens ?? 2048, answerer: library.answerer, defaults: () => settings.get(),
        documentName: (documentId) => library.store.getDocument(documentId)?.displayName, turns, remote: () => remote.generator()
    });
    const uploads = new AttachmentUploads({
        folder: path.join(options.dataDir, "attachments"), addToLibrary: (paths) => library.add(paths), chatExists: (chatId) => chats.exists(chatId)
    });
    const api = createApi({
        engine, turns, models: () => modelRepository.list(), embeddingModelId: () => settings.get().embeddingModelId,
        embedders: library.embedders, library, store: settingsRepository, maxAnswerTokens: options.maxAnswerTokens ?? 2048,
        remote: () => remote.generator(),
        remoteEmbedder: { name: () => { const info = remote.info(); return info.remoteEmbeddings ? info.embeddingModel : null; }, get: () => remote.embedder() }
    });
    api.service.onChange((status) => events.emit("api.status", status));
    // What is free now on this computer; a simulated machine's own figure under --simulate-hardware.
    const memory = async () => {
        const hardware = await setup.hardware();
        return { availableBytes: hardware.source === "simulated" ? hardware.ramFreeBytes : os.freemem(), cpuFeatures: hardware.cpu.features };
    };
    const personalize = createPersonalize({
        db, engine, library: library.store, models: modelRepository, chatModelId: () => settings.get().chatModelId,
        dataDir: options.dataDir,
        onProgress: (run) => events.emit("training.progress", run),
        onAdaptersChanged: (adapters) => events.emit("adapters.changed", { adapters }),
        ...(options.training ? { training: options.training } : {}),
        ...(options.spawnWorker ? { trainer: { spawn: options.spawnWorker } } : {}),
        // The two would fight for the cores (the Advisor refuses to start while Personalize trains, too).
        busyElsewhere: () => (advisor.busy() ? "The Advisor is measuring now. Wait for it to finish (or cancel it), then start Personalize." : null),
        memory
    });
    const advisor = createAdvisor({
        db, dataDir: options.dataDir, engine, library, models: modelRepository, modelService: models, settings, personalize, memory,
        onProgress: (run) => events.emit("advisor.progress", run),
        ...(options.spawnWorker ? { trainer: { spawn: options.spawnWorker } } : {}),
        ...(options.advisor ? { plan: options.advisor } : {})
    });
    const modelsChanged = () => events.emit("models.changed", { models: models.list() });
    fits.onSettled(modelsChanged);
    // Another context size changes every fit: the list goes out without them, then with each as it is worked out.
    let fitContext = saved.contextSize;
    settings.onChange(({ contextSize }) => {
        if (contextSize === fitContext) return;
        fitContext = contextSize;
        modelsChanged();
    });
    const downloads = new ModelDownloadService({
        db, catalog: options.downloadCatalog ?? bundledCatalog(), modelsDir: path.join(options.dataDir, "models"),
        inspect: (filePath) => engine.inspect(filePath),
        register: async (filePath, verified) => (await models.addFromPath(filePath, verified)).id,
        ...(options.hubEndpoint ? { endpoint: options.hubEndpoint } : {})
    });
    const lastProgress = new Map<string, DownloadProgress>();
    downloads.onEvent((event) => {
        if (event.type === "progress") {
            lastProgress.set(event.progress.jobId, event.progress);
            const job = downloads.get(event.progress.jobId);
            if (job) events.emit("downloads.changed", toContractJob(job, event.progress));
        } else {
            events.emit("downloads.changed", toContractJob(event.job, lastProgress.get(event.job.id)));
            if (event.job.state === "completed") modelsChanged();
        }
    });
    const contractJob = (job: Parameters<typeof toContractJob>[0]) => toContractJob(job, lastProgress.get(job.id));
    const installedModel = (catalogId: string, quant: string) =>
        downloads.list().find((job) => job.catalogId === catalogId && job.quant === quant && job.modelId != null)?.modelId ?? null;

    const setup = new SetupService(
        new HardwareProbe({
            modelsDir: path.join(options.dataDir, "models"), llama: () => engine.llama(),
            ...(options.simulatedHardware ? { override: options.simulatedHardware } : {})
        }),
        bundledCatalog,
        installedModel,
        () => library.store.countTokens(),
        {
            localFile: (catalogId, quant) => {
                const modelId = installedModel(catalogId, quant);
                return modelId == null ? null : modelRepository.get(modelId)?.path ?? null;
            },
            headers: new RemoteHeaderCache({
                cacheDir: path.join(options.dataDir, "cache", "gguf-headers"),
                ...(options.hubEndpoint ? { endpoint: options.hubEndpoint } : {})
            }),
            llama: () => engine.llama(),
            starterChatModel: () => {
                const starter = options.starterModels?.find((entry) => entry.model.role === "chat");
                const current = settings.get().chatModelId;
                const model = current == null ? undefined : modelRepository.get(current);
                return starter != null && model?.path === starter.path ? { displayName: model.displayName, sizeBytes: model.sizeBytes } : null;
            }
        }
    );
    setup.onReprobe(() => {
        fits.clear();
        modelsChanged();
    });
    engine.onStatus((status) => events.emit("engine.status", status));
    // A damaged installation without node-llama-cpp's binaries still starts: the missing part is reported,
    // and only what needs a model fails (each time with this same error).
    let llamaError: unknown;
    await engine.llama().catch((error: unknown) => {
        llamaError = error;
    });
    for (const part of findMissingParts({ db, llamaError })) console.error(`Locus: ${part.problem} Disabled: ${part.disables} ${part.fix}`);

    const appInfo = (): AppInfo => ({
        version: LOCUS_VERSION,
        host: options.host,
        capabilities: { nativeFileDialog: options.pickModelFile != null, pathEntry: options.pickModelFile == null },
        cpuThreads: engine.threads || os.availableParallelism(),
        // Asked again each time: a part built or restored while the app runs stops being reported.
        missingParts: findMissingParts({ db, llamaError })
    });
    // Paths typed by a person exist only where there is no native dialog to choose a file.
    const refuse = new Set<MethodName>([
        ...(options.pickModelFile != null ? ["models.addFromPath" as const] : []),
        ...(options.pickDocuments != null ? ["library.addPaths" as const] : []),
        ...(options.pickPairsFile != null ? ["training.pairsFromPath" as const] : [])
    ]);

    const dispatcher = new Dispatcher({
        "app.info": appInfo,
        "models.list": () => models.list(),
        "models.addWithDialog": () => models.addWithDialog().finally(modelsChanged),
        "models.addFromPath": ({ path: filePath }) => models.addFromPath(filePath).finally(modelsChanged),
        "models.remove": async ({ modelId }) => {
            await models.remove(modelId).finally(modelsChanged);
            const current = settings.get();
            settings.update({
                ...(current.chatModelId === modelId ? { chatModelId: null } : {}),
                ...(current.embeddingModelId === modelId ? { embeddingModelId: null } : {}),
                ...(current.rerankerModelId === modelId ? { rerankerModelId: null } : {})
            });
        },
        "models.load": async ({ modelId }) => {
            const status = await models.load(modelId);
            settings.update({ chatModelId: modelId });
            return status;
        },
        "models.unload": () => models.unload(),
        "models.status": () => models.status(),
        "setup.hardware": ({ refresh }) => setup.hardware(refresh),
        "setup.catalog": ({ contextSize }) => setup.listCatalog(contextSize),
        "setup.fit": ({ catalogId, quant, contextSize, online }) => setup.fit(catalogId, quant, contextSize, online),
        "setup.recommend": (request) => setup.recommend(request),
        "settings.get": () => settings.get(),
        "settings.update": (patch) => settings.update(withoutUndefined(patch)),
        "downloads.list": () => downloads.list().map(contractJob),
        "downloads.start": async ({ catalogId, quant }) => contractJob(await downloads.start(catalogId, asQuant(quant))),
        "downloads.pause": async ({ jobId }) => contractJob(await downloads.pause(jobId)),
        "downloads.resume": async ({ jobId }) => contractJob(await downloads.resume(jobId)),
        "downloads.cancel": async ({ jobId }) => contractJob(await downloads.cancel(jobId)),
        "library.list": () => library.documents(),
        "library.addWithDialog": async ({ folders, collectionId }) => {
            if (options.pickDocuments == null) throw new UnsupportedError("This window cannot open a file dialog. Type the path of a file or folder instead.");
            const paths = await options.pickDocuments(folders ?? false);
            return paths.length === 0 ? [] : library.add(paths, collectionId);
        },
        "library.addPaths": ({ paths, collectionId }) => library.add(paths, collectionId),
        "library.setCollection": ({ documentId, collectionId }) => library.setDocumentCollection(documentId, collectionId),
        "library.messages": ({ documentId }) => library.messages(documentId),
        "collections.list": () => library.collections(),
        "collections.create": ({ name }) => library.createCollection(name),
        "collections.rename": ({ collectionId, name }) => library.renameCollection(collectionId, name),
        "collections.delete": ({ collectionId }) => library.deleteCollection(collectionId),
        "library.remove": async ({ documentId }) => {
            if (!(await library.ingest.remove(documentId))) throw new NotFoundError("That document is no longer in the library.");
        },
        "library.reindex": async ({ documentId }) => {
            await library.ingest.reindex(documentId);
        },
        "library.cancel": () => library.ingest.cancel(),
        "library.progress": () => library.ingest.progress(),
        "library.source": ({ chunkId }) => library.source(chunkId),
        "library.openFile": ({ documentId }) => library.openDocument(documentId),
        ...chatHandlers(chats, uploads),
        "training.status": () => personalize.training.status(),
        "training.start": (request) => personalize.training.start(request),
        "training.cancel": () => personalize.training.cancel(),
        "training.pairsWithDialog": async () => {
            if (options.pickPairsFile == null) throw new UnsupportedError("This window cannot open a file dialog. Type the path of the pairs file instead.");
            const filePath = await options.pickPairsFile();
            return filePath === null ? null : personalize.training.loadPairs(filePath);
        },
        "training.pairsFromPath": ({ path: filePath }) => personalize.training.loadPairs(filePath),
        "adapters.list": () => personalize.adapters.list(),
        "adapters.activate": ({ adapterId, scale }) => personalize.adapters.activate(adapterId, scale),
        "adapters.deactivate": () => personalize.adapters.deactivate(),
        "adapters.setScale": ({ adapterId, scale }) => personalize.adapters.setScale(adapterId, scale),
        "adapters.rename": ({ adapterId, name }) => personalize.adapters.rename(adapterId, name),
        "adapters.remove": ({ adapterId }) => personalize.adapters.remove(adapterId),
        "api.status": () => api.service.status(),
        "api.configure": (patch) => api.service.configure(withoutUndefined(patch)),
        "api.rotateToken": () => api.service.rotateToken(),
        "remote.get": () => remote.info(),
        "remote.configure": (patch) => remote.configure(withoutUndefined(patch)),
        "remote.check": () => remote.check(),
        "advisor.status": () => advisor.status(),
        "advisor.list": () => advisor.list(),
        "advisor.start": (request) => advisor.start(request),
        "advisor.cancel": () => advisor.cancel(),
        "advisor.apply": async ({ runId }) => {
            const run = await advisor.apply(runId);
            modelsChanged();
            return run;
        },
        "advisor.remove": ({ runId }) => advisor.remove(runId),
        "backups.list": () => backups.list(),
        "backups.create": () => backups.backUpNow(),
        "backups.restore": ({ backupId }) => backups.restore(backupId)
    }, { refuse });

    // Offering reads each model's header through the runtime: without it there is nothing to offer them to.
    if (llamaError === undefined && options.starterModels != null && options.starterModels.length > 0)
        await offerStarterModels({
            installed: options.starterModels, models, settings, repository: settingsRepository, log: (message) => console.error(message)
        });
    await library.start();
    await personalize.start();
    // The API starts only if the person turned it on; a taken port is reported in its status, not fatal.
    await api.service.start();
    backups.start();
    // The chat model in use when Locus last ran (or the starter model on a first start) loads in the background.
    const chatModelId = settings.get().chatModelId;
    if (chatModelId != null && modelRepository.get(chatModelId) != null && engine.status.state === "idle")
        void models.load(chatModelId).catch((error: unknown) => console.error("Locus: could not load the chat model:", describeError(error)));
    // Interrupted downloads resume in the background; each may wait on the network.
    void downloads.restore().catch((error: unknown) => console.error("Locus: could not resume downloads:", error));

    return {
        dispatcher, events, engine, chats, models, library, setup, settings, personalize, advisor, backups, api: api.service, turns, remote,
        async dispose() {
            await backups.dispose();
            await api.service.dispose();
            api.local.dispose();
            await advisor.dispose();
            await personalize.dispose();
            await downloads.dispose();
            await library.dispose();
            await uploads.dispose();
            await chats.dispose();
            await fits.dispose();
            await engine.dispose();
            db.close();
        }
    };
}

function describeError(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function asQuant(quant: string): Quant {
    const parsed = quantSchema.safeParse(quant);
    if (!parsed.success) throw new NotFoundError(`The catalog offers no ${quant} files.`);
    return parsed.data;
}
