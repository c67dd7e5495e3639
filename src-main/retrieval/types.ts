import type { ChunkWithDocument, SearchScope } from "../store/library/types.js";

/** Embeds a search query with the library's embedding model (query prompt prefix included, if the model has one). */
export type QueryEmbedder = (query: string, signal?: AbortSignal) => Promise<ArrayLike<number>>;

/**
 * Scores passages for a query, higher is more relevant, one score per passage in order; e.g.
 * node-llama-cpp's `LlamaRankingContext.rankAll(query, passages)`.
 */
export type Reranker = (query: string, passages: readonly string[], signal?: AbortSignal) => Promise<readonly number[]>;

export type RetrievalScores = {
    /** Reciprocal rank fusion score; the order of results without a reranker. */
    fused: number;
    /** 1-based rank and negated BM25 in the keyword results, when the chunk was among them. */
    keywordRank?: number;
    keyword?: number;
    /** 1-based rank and cosine similarity in the vector results, when the chunk was among them. */
    vectorRank?: number;
    similarity?: number;
    /** The reranker's score, when one ran over this chunk. */
    rerank?: number;
};

/** A passage found for a query, with everything a citation needs: document, page, headings, offsets. */
export type RetrievedChunk = ChunkWithDocument & { scores: RetrievalScores };

export type RetrieveOptions = {
    /** Passages returned (default 8). */
    limit?: number;
    /** Top fused passages the reranker reorders, when there is one (default 20). */
    rerankCandidates?: number;
    signal?: AbortSignal;
} & SearchScope;
