import type { Answerer } from "../answer/Answerer.js";
import type { EmbedderProvider } from "../engine/EmbedderProvider.js";
import type { Engine } from "../engine/Engine.js";
import type { GenerationTurns } from "../engine/GenerationTurns.js";
import { LocalChatGenerator } from "../generation/LocalChatGenerator.js";
import { LocalTextEmbedder } from "../generation/LocalTextEmbedder.js";
import type { ChatGenerator, TextEmbedder } from "../generation/types.js";
import type { IngestEmbedder } from "../ingest/types.js";
import type { HybridRetriever } from "../retrieval/HybridRetriever.js";
import type { StoredModel } from "../store/ModelRepository.js";
import type { CollectionInfo, LibraryDocumentInfo } from "@common/contract/libraryTypes.js";
import type { LibraryScope } from "../library/resolveScope.js";
import { collectionModelName } from "./collectionModelName.js";
import { LIBRARY_MODEL, type ApiDeps } from "./ApiDeps.js";
import type { ApiModelEntry } from "./ApiModelEntry.js";
import { apiModelNames } from "./apiModelNames.js";
import { apiRoutes } from "./apiRoutes.js";
import { ApiService } from "./ApiService.js";
import { ApiSettingsStore, type InternalStore } from "./ApiSettingsStore.js";
import { LibraryAnswers } from "./library/LibraryAnswers.js";
import { LibrarySearch } from "./library/LibrarySearch.js";

export type CreateApiDeps = {
    engine: Engine;
    /** Turns on the engine's sequence, shared with the app's chat. */
    turns: GenerationTurns;
    models: () => StoredModel[];
    /** The model-list id of the library's embedding model. */
    embeddingModelId: () => string | null;
    embedders: EmbedderProvider;
    library: {
        answerer: (scope?: LibraryScope) => Promise<Answerer>;
        retriever: (scope?: LibraryScope) => Promise<{ retriever: HybridRetriever }>;
        documents: () => LibraryDocumentInfo[];
        /** Each collection gets a library model and a vector store of its own. */
        collections: () => CollectionInfo[];
    };
    /** Where the API's settings and token are kept. */
    store: InternalStore;
    /** The remote engine's generator when the person chose one; null: this computer's engine answers. */
    remote?: () => ChatGenerator | null;
    /** The embedding model on a server, when the person chose one: its name (null: none) and the model. */
    remoteEmbedder?: { name: () => string | null; get: () => Promise<IngestEmbedder | null> };
    /** Longest answer when a request sets no limit. */
    maxAnswerTokens: number;
};

/** The local API wired to the app's engine, library and settings. */
export function createApi(deps: CreateApiDeps): { service: ApiService; local: LocalChatGenerator } {
    const names = () => apiModelNames(deps.models());
    const local = new LocalChatGenerator(deps.engine, deps.turns, "api", {
        modelName: () => names().get(deps.engine.status.modelId ?? "") ?? "none", defaultMaxTokens: deps.maxAnswerTokens
    });
    const chat = (): ChatGenerator => deps.remote?.() ?? local;
    const models = (): ApiModelEntry[] => {
        const remote = deps.remote?.() ?? null;
        const loaded = deps.engine.status.state === "ready" ? deps.engine.status.modelId : null;
        const byId = names();
        const remoteEmbedding = deps.remoteEmbedder?.name() ?? null;
        const installed = deps.models().filter((model) => model.role !== "reranker").map((model): ApiModelEntry => ({
            id: byId.get(model.id)!, role: model.role === "embedding" ? "embedding" : "chat",
            ready: model.role === "embedding" ? remoteEmbedding == null && deps.embeddingModelId() === model.id : remote == null && loaded === model.id,
            created: Math.floor(model.addedAt / 1000)
        }));
        const now = Math.floor(Date.now() / 1000);
        const answering = remote != null || loaded != null;
        return [
            ...(remote != null ? [{ id: remote.modelName, role: "chat" as const, ready: true, created: now }] : []),
            ...(remoteEmbedding != null ? [{ id: remoteEmbedding, role: "embedding" as const, ready: true, created: now }] : []),
            ...installed,
            { id: LIBRARY_MODEL, role: "library", ready: answering, created: now },
            ...deps.library.collections().map((collection): ApiModelEntry => ({
                id: collectionModelName(collection.name), role: "library", ready: answering, created: now, collectionId: collection.id
            }))
        ];
    };
    const apiDeps: ApiDeps = {
        models, chat,
        embedder: async () => {
            const remoteName = deps.remoteEmbedder?.name() ?? null;
            const remoteEmbedder = remoteName == null ? null : await deps.remoteEmbedder!.get();
            if (remoteEmbedder != null) return textEmbedder(remoteEmbedder, remoteName!);
            const embedder = await deps.embedders.get();
            const id = deps.embeddingModelId();
            return embedder == null || id == null ? null : new LocalTextEmbedder(embedder, names().get(id) ?? embedder.identity.fileName);
        },
        library: {
            answers: new LibraryAnswers(deps.library.answerer, chat),
            search: new LibrarySearch(async (scope) => (await deps.library.retriever(scope)).retriever, deps.library.documents)
        }
    };
    const routes = apiRoutes(apiDeps);
    return { service: new ApiService(new ApiSettingsStore(deps.store), () => routes), local };
}

/** An ingestion embedding model (the remote one) as the API's TextEmbedder. */
function textEmbedder(embedder: IngestEmbedder, modelName: string): TextEmbedder {
    return {
        modelName,
        embed: async (texts) => ({
            vectors: (await embedder.embedMany(texts)).map((vector) => Float32Array.from(vector)),
            tokens: texts.reduce((sum, text) => sum + embedder.countTokens(text), 0)
        })
    };
}
