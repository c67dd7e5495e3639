import type { LibraryDocumentInfo } from "@common/contract/libraryTypes.js";
import type { LibraryScope } from "../../library/resolveScope.js";
import type { HybridRetriever } from "../../retrieval/HybridRetriever.js";
import type { RetrievedChunk } from "../../retrieval/types.js";

/** The reciprocal rank fusion constant the retriever uses; a passage first in both searches scores 2/(k+1). */
const RRF_K = 60;

export type SearchHit = { chunk: RetrievedChunk; score: number };

/**
 * Passages from the library without generating an answer: the same hybrid search library answers use,
 * with a score from 0 to 1 (1: first in both keyword and meaning search).
 */
export class LibrarySearch {
    constructor(
        private readonly retriever: (scope?: LibraryScope) => Promise<HybridRetriever>,
        readonly documents: () => LibraryDocumentInfo[]
    ) {}

    /** `scope`: only these collections (a collection's vector store); absent: the whole library. */
    async search(query: string, limit: number, signal?: AbortSignal, scope?: LibraryScope): Promise<SearchHit[]> {
        const retriever = await this.retriever(scope);
        const found = await retriever.retrieve(query, { limit, ...(signal ? { signal } : {}) });
        return found.map((chunk) => ({ chunk, score: Math.min(1, chunk.scores.fused * (RRF_K + 1) / 2) }));
    }
}
