import { z } from "zod";
import type { FitResult, HardwareProfile, Recommendation } from "../setup/types.js";
import type { ApiStatus, RemoteEngineCheck, RemoteEngineInfo } from "./apiTypes.js";
import type { AdvisorRunInfo } from "./advisorTypes.js";
import type { BackupInfo, RestoreOutcome } from "./backupTypes.js";
import type { AdapterInfo, QaPairsInfo, TrainingRunInfo } from "./personalizeTypes.js";
import type { CollectionInfo, IngestProgress, LibraryDocumentInfo, SourcePassage } from "./libraryTypes.js";
import { documentLimitBounds, ocrLanguageChoices, type OcrLanguageCode, type Settings } from "./settingsTypes.js";
import type { CatalogListing, DownloadJob } from "./setupTypes.js";
import type { AppInfo, ChatDetail, ChatSummary, EngineStatus, ModelInfo } from "./types.js";
import { attachmentChunkSchema, attachmentNameSchema, samplingSchema, systemPromptSchema } from "./chatSchemas.js";
import { attachmentLimits, type ChatExport, type ChatSearchHit, type SamplingDefaults } from "./chatTypes.js";

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "must be an id");
const none = z.strictObject({});
const catalogId = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "must be a catalog id");
const quant = z.string().min(1).max(20).regex(/^[A-Za-z0-9_]+$/, "must be a quantization name");
const contextSize = z.number().int().min(256).max(1_048_576);
const chatMode = z.enum(["chat", "library"]);
const messageText = z.string().trim().min(1, { error: "must not be empty" }).max(100_000);
/** Library mode: search only these collections (none given: the whole library, or the chat's attached documents). */
const collectionIds = z.array(id).min(1).max(100);
const bounded = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);
const collectionName = z.string().trim().min(1).max(100);

/** The messages a question created: the question and the answer being generated, and the branch now shown. */
export type SendResult = { userMessageId: string; assistantMessageId: string; chat: ChatDetail };

/** A method of the contract: its argument schema and (by type only) its result. */
export type MethodSpec<I extends z.ZodType, O> = { input: I; output?: O };

function method<O>() {
    return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}

/**
 * Every call the renderer may make. Hosts route these names; nothing else crosses the boundary.
 * Arguments are ids and choices; the one path (`models.addFromPath`) exists only in the browser
 * host, where the person types it, and is refused by the Electron host, which uses a native dialog.
 */
export const methods = {
    "app.info": method<AppInfo>()(none),

    "models.list": method<ModelInfo[]>()(none),
    "models.addWithDialog": method<ModelInfo | null>()(none),
    "models.addFromPath": method<ModelInfo>()(z.strictObject({ path: z.string().min(1).max(4096) })),
    "models.remove": method<void>()(z.strictObject({ modelId: id })),
    "models.load": method<EngineStatus>()(z.strictObject({ modelId: id })),
    "models.unload": method<EngineStatus>()(none),
    "models.status": method<EngineStatus>()(none),

    "setup.hardware": method<HardwareProfile>()(z.strictObject({ refresh: z.boolean().optional() })),
    "setup.catalog": method<CatalogListing[]>()(z.strictObject({ contextSize: contextSize.optional() })),
    /** `online`: the person asked for the exact figures, so the file's header may be read from the model hub. */
    "setup.fit": method<FitResult>()(z.strictObject({ catalogId, quant, contextSize, online: z.boolean().optional() })),
    "setup.recommend": method<Recommendation>()(z.strictObject({
        difficulty: z.enum(["find-facts", "summarize-compare", "domain-reasoning"]),
        learningBudgetMinutes: z.number().int().min(0).max(24 * 60),
        latency: z.enum(["fast", "balanced", "quality"]),
        online: z.boolean().optional()
    })),

    "settings.get": method<Settings>()(none),
    "settings.update": method<Settings>()(z.strictObject({
        chatModelId: id.nullable().optional(),
        embeddingModelId: id.nullable().optional(),
        rerankerModelId: id.nullable().optional(),
        contextSize: contextSize.optional(),
        threads: z.number().int().min(1).max(512).nullable().optional(),
        learningMethod: z.enum(["none", "rag", "lora", "rag+lora"]).optional(),
        learningBudgetMinutes: z.number().int().min(0).max(24 * 60).optional(),
        setupDone: z.boolean().optional(),
        maxDocumentMegabytes: bounded(documentLimitBounds.maxDocumentMegabytes).optional(),
        maxDocumentPages: bounded(documentLimitBounds.maxDocumentPages).optional(),
        maxInflatedMegabytes: bounded(documentLimitBounds.maxInflatedMegabytes).optional(),
        parseTimeoutSeconds: bounded(documentLimitBounds.parseTimeoutSeconds).optional(),
        maxScannedPages: bounded(documentLimitBounds.maxScannedPages).optional(),
        maxMailboxMessages: bounded(documentLimitBounds.maxMailboxMessages).optional(),
        readPicturesInFolders: z.boolean().optional(),
        ocrLanguages: z.array(z.enum(ocrLanguageChoices.map((choice) => choice.code) as [OcrLanguageCode, ...OcrLanguageCode[]]))
            .min(1).max(ocrLanguageChoices.length).refine((codes) => new Set(codes).size === codes.length, "each language once").optional(),
        systemPrompt: systemPromptSchema.optional(),
        sampling: samplingSchema.optional(),
        discourageThinking: z.boolean().optional()
    })),

    "downloads.list": method<DownloadJob[]>()(none),
    "downloads.start": method<DownloadJob>()(z.strictObject({ catalogId, quant })),
    "downloads.pause": method<DownloadJob>()(z.strictObject({ jobId: id })),
    "downloads.resume": method<DownloadJob>()(z.strictObject({ jobId: id })),
    "downloads.cancel": method<DownloadJob>()(z.strictObject({ jobId: id })),

    "library.list": method<LibraryDocumentInfo[]>()(none),
    "library.addWithDialog": method<LibraryDocumentInfo[]>()(z.strictObject({ folders: z.boolean().optional(), collectionId: id.nullable().optional() })),
    "library.addPaths": method<LibraryDocumentInfo[]>()(z.strictObject({
        paths: z.array(z.string().min(1).max(4096)).min(1).max(100), collectionId: id.nullable().optional()
    })),
    /** Moves a document into a collection (null: none). */
    "library.setCollection": method<LibraryDocumentInfo>()(z.strictObject({ documentId: id, collectionId: id.nullable() })),
    /** The documents inside a file (the messages of a mailbox); `library.list` lists files only. */
    "library.messages": method<LibraryDocumentInfo[]>()(z.strictObject({ documentId: id })),
    "collections.list": method<CollectionInfo[]>()(none),
    "collections.create": method<CollectionInfo>()(z.strictObject({ name: collectionName })),
    "collections.rename": method<CollectionInfo>()(z.strictObject({ collectionId: id, name: collectionName })),
    /** Its documents stay in the library, in no collection. */
    "collections.delete": method<void>()(z.strictObject({ collectionId: id })),
    "library.remove": method<void>()(z.strictObject({ documentId: id })),
    "library.reindex": method<void>()(z.strictObject({ documentId: id.optional() })),
    "library.cancel": method<IngestProgress>()(none),
    "library.progress": method<IngestProgress>()(none),
    "library.source": method<SourcePassage>()(z.strictObject({ chunkId: z.number().int().positive() })),
    "library.openFile": method<void>()(z.strictObject({ documentId: id })),

    "chats.list": method<ChatSummary[]>()(none),
    "chats.create": method<ChatSummary>()(z.strictObject({ title: z.string().max(200).optional() })),
    "chats.get": method<ChatDetail>()(z.strictObject({ chatId: id })),
    "chats.rename": method<ChatSummary>()(z.strictObject({ chatId: id, title: z.string().trim().min(1).max(200) })),
    "chats.delete": method<void>()(z.strictObject({ chatId: id })),
    "chats.send": method<SendResult>()(z.strictObject({
        chatId: id, text: messageText, mode: chatMode.optional(), collectionIds: collectionIds.optional()
    })),
    "chats.stop": method<void>()(z.strictObject({ chatId: id })),
    /** A new version of this answer, the old one kept; the conversation shows the new one. */
    "chats.regenerate": method<SendResult>()(z.strictObject({
        chatId: id, messageId: id, mode: chatMode.optional(), collectionIds: collectionIds.optional()
    })),
    /** A new version of this question, answered; the conversation continues from it, the old branch stays reachable. */
    "chats.edit": method<SendResult>()(z.strictObject({
        chatId: id, messageId: id, text: messageText, mode: chatMode.optional(), collectionIds: collectionIds.optional()
    })),
    /** Shows this version of a message (and the branch that follows it). */
    "chats.switchVersion": method<ChatDetail>()(z.strictObject({ chatId: id, messageId: id })),
    /** Deletes a question and its answer (either id); the messages after them stay. */
    "chats.deletePair": method<ChatDetail>()(z.strictObject({ chatId: id, messageId: id })),
    /** The chat's own system prompt, sampling and attached documents; null: the default. */
    "chats.configure": method<ChatDetail>()(z.strictObject({
        chatId: id,
        systemPrompt: systemPromptSchema.nullable().optional(),
        sampling: samplingSchema.nullable().optional(),
        documentIds: z.array(id).max(1000).optional()
    })),
    "chats.samplingDefaults": method<SamplingDefaults>()(z.strictObject({ chatId: id.optional() })),
    /** Chats whose title or messages contain the words, best first. */
    "chats.search": method<ChatSearchHit[]>()(z.strictObject({ query: z.string().max(500) })),
    "chats.export": method<ChatExport>()(z.strictObject({
        chatId: id, format: z.enum(["markdown", "json"]), includeThinking: z.boolean().optional()
    })),

    /**
     * A file dropped on a chat (or picked in the browser's file dialog), sent in pieces: indexed into the
     * library and attached to the chat. The name's type is checked at begin, before any byte is sent.
     */
    "attachments.begin": method<{ uploadId: string }>()(z.strictObject({
        chatId: id, fileName: attachmentNameSchema, sizeBytes: z.number().int().min(1).max(attachmentLimits.maxBytes)
    })),
    "attachments.chunk": method<void>()(z.strictObject({ uploadId: id, offset: z.number().int().min(0), data: attachmentChunkSchema })),
    "attachments.finish": method<ChatDetail>()(z.strictObject({ uploadId: id })),
    "attachments.cancel": method<void>()(z.strictObject({ uploadId: id })),

    /** The current training run, or the last one since the app started; null when there is none. */
    "training.status": method<TrainingRunInfo | null>()(none),
    /**
     * Teaches the chosen chat model the given library documents (all indexed ones when omitted) within
     * the budget. One run at a time; the adapter joins the registry when the run ends.
     */
    "training.start": method<TrainingRunInfo>()(z.strictObject({
        documentIds: z.array(id).min(1).max(100_000).optional(),
        /** Question-answer pairs to learn too, as read by training.pairsWithDialog or training.pairsFromPath. */
        pairsId: id.optional(),
        budgetMinutes: z.number().int().min(1).max(24 * 60),
        name: z.string().trim().min(1).max(100).optional()
    })),
    /** Stops the run after its current step; the best adapter so far is kept. */
    "training.cancel": method<TrainingRunInfo | null>()(none),
    /** Reads a file of question-answer pairs chosen in the system's file dialog; null when none was chosen. */
    "training.pairsWithDialog": method<QaPairsInfo | null>()(none),
    /** The same from a typed path: only where there is no native dialog (the browser host). */
    "training.pairsFromPath": method<QaPairsInfo>()(z.strictObject({ path: z.string().min(1).max(4096) })),

    "adapters.list": method<AdapterInfo[]>()(none),
    /** Chat uses this adapter from the next answer (its base model must be the chat model). */
    "adapters.activate": method<AdapterInfo[]>()(z.strictObject({ adapterId: id, scale: z.number().min(0).max(2).optional() })),
    "adapters.deactivate": method<AdapterInfo[]>()(none),
    "adapters.setScale": method<AdapterInfo[]>()(z.strictObject({ adapterId: id, scale: z.number().min(0).max(2) })),
    "adapters.rename": method<AdapterInfo[]>()(z.strictObject({ adapterId: id, name: z.string().trim().min(1).max(100) })),
    "adapters.remove": method<AdapterInfo[]>()(z.strictObject({ adapterId: id })),

    /** The local OpenAI-compatible API: whether it runs, where, and the token other apps must send. */
    "api.status": method<ApiStatus>()(none),
    /** Turns the API on or off, or changes its port, its listening address (opt-in beyond this computer) or the web origins allowed. */
    "api.configure": method<ApiStatus>()(z.strictObject({
        enabled: z.boolean().optional(),
        port: z.number().int().min(1024).max(65535).optional(),
        listen: z.enum(["loopback", "all-interfaces"]).optional(),
        allowedOrigins: z.array(z.string().trim().min(1).max(300)).max(20).optional()
    })),
    /** A new token; apps using the old one must be given the new one. */
    "api.rotateToken": method<ApiStatus>()(none),

    /** Settings → Engine: this computer or an OpenAI-compatible server. Keys are write-only: never sent back. */
    "remote.get": method<RemoteEngineInfo>()(none),
    "remote.configure": method<RemoteEngineInfo>()(z.strictObject({
        mode: z.enum(["local", "remote"]).optional(),
        baseUrl: z.string().trim().max(2048).optional(),
        model: z.string().trim().max(256).optional(),
        /** A new key, or null to forget the stored one. */
        apiKey: z.string().max(4096).nullable().optional(),
        remoteEmbeddings: z.boolean().optional(),
        embeddingBaseUrl: z.string().trim().max(2048).optional(),
        embeddingModel: z.string().trim().max(256).optional(),
        embeddingApiKey: z.string().max(4096).nullable().optional()
    })),
    /** Asks the server for its models: whether it answers, with which models, in words. */
    "remote.check": method<RemoteEngineCheck>()(none),

    /** The Advisor's run under way, or else its latest; null when it never ran. */
    "advisor.status": method<AdvisorRunInfo | null>()(none),
    /** Every run kept, newest first, each marked stale when the library changed a lot since. */
    "advisor.list": method<AdvisorRunInfo[]>()(none),
    /** Measures, within the budget, how Locus should answer from this library (RAG, learning, both) with which model. */
    "advisor.start": method<AdvisorRunInfo>()(z.strictObject({ budgetMinutes: z.number().int().min(1).max(24 * 60) })),
    /** Stops the run; the figures so far and their recommendation are kept. */
    "advisor.cancel": method<AdvisorRunInfo | null>()(none),
    /** Puts a run's recommendation into effect: model, compression, learning method and adapter. */
    "advisor.apply": method<AdvisorRunInfo>()(z.strictObject({ runId: id })),
    "advisor.remove": method<AdvisorRunInfo[]>()(z.strictObject({ runId: id })),

    /** The copies of the library database kept in the data folder, newest first. */
    "backups.list": method<BackupInfo[]>()(none),
    /** Backs up the library now (SQLite's online backup; Locus keeps working meanwhile). */
    "backups.create": method<BackupInfo>()(none),
    /** Replaces the library with this backup as Locus restarts; the library as it is now is backed up first. */
    "backups.restore": method<RestoreOutcome>()(z.strictObject({ backupId: id }))
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]["input"]>;
export type MethodOutput<M extends MethodName> = Methods[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(name: unknown): name is MethodName {
    return typeof name === "string" && Object.hasOwn(methods, name);
}
