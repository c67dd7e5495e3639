import { parseLimitsFromSettings } from "../../ingest/parse/parseLimitsFromSettings.js";
import { resolveScope, type LibraryScope } from "../../library/resolveScope.js";
import path from "node:path";
import type { Database } from "better-sqlite3";
import { Answerer } from "../../answer/Answerer.js";
import { EmbedderProvider } from "../../engine/EmbedderProvider.js";
import { Engine } from "../../engine/Engine.js";
import { embeddingModelId } from "../../ingest/embeddingModelId.js";
import { IngestService } from "../../ingest/IngestService.js";
import { HybridRetriever } from "../../retrieval/HybridRetriever.js";
import { SettingsRepository } from "../../settings/SettingsRepository.js";
import { LibraryStore } from "../../store/library/LibraryStore.js";
import { ModelRepository } from "../../store/ModelRepository.js";
import { RerankerProvider } from "../../engine/RerankerProvider.js";
import { findStarterModels } from "../../models/starter/findStarterModels.js";
import { openLocusDatabase } from "../../store/backup/openLocusDatabase.js";

export type CliServicesOptions = {
    /** The same folder the app uses (see services/defaultDataDir.ts). */
    dataDir: string;
    /** A GGUF embedding model; without it, the one chosen in the app's Settings (or the starter model). */
    embeddingModelPath?: string;
    /** A GGUF chat model for `ask`; without it, the one last loaded in the app (or the starter model). */
    chatModelPath?: string;
    /** llama.cpp threads, clamped to the math cores (default: all of them). */
    threads?: number;
    gpu: "auto" | false;
    /** Chat context size in tokens (default: the app's setting). */
    contextSize?: number;
};

/** A model file to use, with the id the services know it by. */
export type ModelChoice = { modelId: string; path: string };

export type CliServices = {
    /** The folder the database and adapters are in. */
    dataDir: string;
    db: Database;
    store: LibraryStore;
    engine: Engine;
    embedders: EmbedderProvider;
    ingest: IngestService;
    /** The embedding model the CLI will use, or null when none was passed or chosen in the app. */
    embeddingModel: ModelChoice | null;
    chatModel: ModelChoice | null;
    /**
     * Answers from the library, as the app does: vector search joins keyword search once the embedding
     * model is loaded, and the reranker chosen in the app reorders the passages (or its problem is the
     * answer's notice).
     */
    answerer(scope?: LibraryScope): Promise<Answerer>;
    /** The search the answerer uses (keywords, and vectors once the embedding model is loaded), with the reranker's problem if any. */
    retriever(scope?: LibraryScope): Promise<{ retriever: HybridRetriever; notice: string | null; embed: ((texts: readonly string[]) => Promise<Float32Array[]>) | null }>;
    dispose(): Promise<void>;
};

/**
 * The services the CLI needs, built from the same classes as the app on the same database: what
 * `locus ingest` indexes, the app shows, and the other way round.
 */
export async function createCliServices(options: CliServicesOptions): Promise<CliServices> {
    // As the app opens it: a backup before a migration, and a damaged file reported with its latest good backup.
    const { db } = await openLocusDatabase({ dataDir: options.dataDir });
    try {
        const settings = new SettingsRepository(db).read();
        const models = new ModelRepository(db);
        const fromApp = (modelId: string | null): ModelChoice | null => {
            const stored = modelId == null ? undefined : models.get(modelId);
            return stored === undefined ? null : { modelId: stored.id, path: stored.path };
        };
        const fromPath = (file: string): ModelChoice => ({ modelId: `cli:${path.resolve(file)}`, path: path.resolve(file) });
        // Before the app has ever run on this data folder, the starter models installed with Locus serve.
        const starter = (role: "chat" | "embedding"): ModelChoice | null => {
            const found = findStarterModels().find((entry) => entry.model.role === role);
            return found == null ? null : fromPath(found.path);
        };
        const embeddingModel = options.embeddingModelPath
            ? fromPath(options.embeddingModelPath)
            : fromApp(settings.embeddingModelId) ?? (settings.embeddingModelId == null ? starter("embedding") : null);
        const chatModel = options.chatModelPath
            ? fromPath(options.chatModelPath)
            : fromApp(settings.chatModelId) ?? (settings.chatModelId == null ? starter("chat") : null);

        const store = new LibraryStore(db);
        const engine = new Engine({
            gpu: options.gpu, contextSize: options.contextSize ?? settings.contextSize,
            ...(options.threads ?? settings.threads ? { threads: options.threads ?? settings.threads! } : {})
        });
        await engine.llama();
        const embedders = new EmbedderProvider(engine, () => embeddingModel);
        const ingest = new IngestService({
            store, threads: engine.threads, embedder: () => embedders.get(), limits: () => parseLimitsFromSettings(settings)
        });
        const rerankers = new RerankerProvider(engine, () => fromApp(settings.rerankerModelId));

        const retriever = async (scope?: LibraryScope) => {
            const embedder = embedders.peek();
            // Vectors of another model cannot be compared with the library's: search by keywords only then.
            const usable = embedder !== null && store.embeddingModel()?.id === embeddingModelId(embedder.identity);
            const reranker = await rerankers.get();
            const ranking = reranker.model;
            return {
                retriever: new HybridRetriever(store, {
                    ...(usable ? { embedQuery: (query: string) => embedder.embed(query) } : {}),
                    ...(ranking == null ? {} : { rerank: (query: string, passages: readonly string[]) => ranking.rankAll(query, passages) }),
                    scope: resolveScope(store, scope)
                }),
                notice: reranker.model == null && reranker.problem != null ? reranker.problem : null,
                embed: usable ? (texts: readonly string[]) => embedder.embedMany(texts) : null
            };
        };
        return {
            dataDir: options.dataDir, db, store, engine, embedders, ingest, embeddingModel, chatModel, retriever,
            answerer: async (scope?: LibraryScope) => {
                const { retriever: found, notice, embed } = await retriever(scope);
                return new Answerer(found, { ...(notice != null ? { notice } : {}), ...(embed != null ? { embed } : {}) });
            },
            async dispose() {
                await ingest.dispose();
                await rerankers.dispose();
                await embedders.dispose();
                await engine.dispose();
                db.close();
            }
        };
    } catch (error) {
        db.close();
        throw error;
    }
}
