import type { LibraryReader } from "../store/library/LibraryReader.js";
import type { SearchScope } from "../store/library/types.js";
import { reciprocalRankFusion } from "./reciprocalRankFusion.js";
import { RerankerOutputError } from "./RerankerOutputError.js";
import { toFtsQuery } from "./toFtsQuery.js";
import type { QueryEmbedder, Reranker, RetrievedChunk, RetrieveOptions } from "./types.js";

export type HybridRetrieverOptions = {
    /** Without it, search is by keywords only (e.g. before an embedding model is installed). */
    embedQuery?: QueryEmbedder;
    /** Reorders the best fused passages; optional because it costs a model pass per passage. */
    rerank?: Reranker;
    /** Results taken from each of the keyword and vector searches before fusion (default 50). */
    candidatesPerPath?: number;
    /** Reciprocal rank fusion constant (default 60). */
    rrfK?: number;
    /**
     * Use the 1-bit vector prefilter with float rescoring once the library has at least `minChunks`
     * chunks, keeping `candidates` for rescoring. Off by default: in tests/bench/ragRetrieval.ts exact
     * vec0 search is already faster than a JS flat scan at 100k chunks, while the prefilter (400
     * candidates) was slower (rescoring reads vectors one by one) and kept only ~0.65 recall@10 on
     * random vectors. Re-measure with a real embedding model before turning it on.
     */
    prefilter?: { minChunks: number; candidates: number };
    /** Searches only these documents unless a call says otherwise (collections, documents attached to a chat). */
    scope?: SearchScope;
};

/**
 * Hybrid search over the library: FTS5 BM25 and vec0 nearest neighbours, fused by reciprocal rank,
 * optionally reranked. Returns passages with their document, page, headings and exact offsets.
 */
export class HybridRetriever {
    constructor(
        private readonly library: LibraryReader,
        private readonly options: HybridRetrieverOptions = {}
    ) {}

    async retrieve(query: string, options: RetrieveOptions = {}): Promise<RetrievedChunk[]> {
        const { limit = 8, rerankCandidates = 20, signal } = options;
        const match = toFtsQuery(query);
        // Nothing to search for (empty, or only punctuation): an empty answer, not an error.
        if (match === undefined || limit <= 0) return [];
        const perPath = Math.max(this.options.candidatesPerPath ?? 50, limit);
        const documentIds = options.documentIds ?? this.options.scope?.documentIds;
        const scope: SearchScope = documentIds === undefined ? {} : { documentIds };

        const keywordHits = this.library.keywordSearch(match, perPath, scope);
        const prefilterCandidates = this.#prefilterCandidates();
        const vectorHits = this.options.embedQuery === undefined ? [] : this.library.vectorSearch(
            await this.options.embedQuery(query, signal), perPath, { ...scope, ...(prefilterCandidates === undefined ? {} : { prefilterCandidates }) }
        );
        signal?.throwIfAborted();

        const fused = reciprocalRankFusion(
            [keywordHits.map((hit) => hit.chunkId), vectorHits.map((hit) => hit.chunkId)], { k: this.options.rrfK }
        );
        const keep = this.options.rerank === undefined ? limit : Math.max(limit, rerankCandidates);
        const keyword = new Map(keywordHits.map((hit) => [hit.chunkId, hit.score]));
        const similarity = new Map(vectorHits.map((hit) => [hit.chunkId, hit.similarity]));
        const scored = new Map(fused.slice(0, keep).map((item) => [item.id, item]));

        const results: RetrievedChunk[] = this.library.chunksByIds([...scored.keys()]).map((chunk) => {
            const item = scored.get(chunk.id)!;
            const [keywordRank, vectorRank] = item.ranks;
            return {
                ...chunk,
                scores: {
                    fused: item.score,
                    ...(keywordRank === undefined ? {} : { keywordRank, keyword: keyword.get(chunk.id)! }),
                    ...(vectorRank === undefined ? {} : { vectorRank, similarity: similarity.get(chunk.id)! })
                }
            };
        });
        return this.options.rerank === undefined ? results.slice(0, limit) : this.#rerank(query, results, limit, signal);
    }

    async #rerank(query: string, results: RetrievedChunk[], limit: number, signal: AbortSignal | undefined): Promise<RetrievedChunk[]> {
        if (results.length === 0) return results;
        const scores = await this.options.rerank!(query, results.map((result) => result.text), signal);
        signal?.throwIfAborted();
        if (scores.length !== results.length || !scores.every(Number.isFinite)) throw new RerankerOutputError(results.length, scores.length);
        return results
            .map((result, index) => ({ ...result, scores: { ...result.scores, rerank: scores[index]! } }))
            .sort((a, b) => b.scores.rerank - a.scores.rerank || b.scores.fused - a.scores.fused)
            .slice(0, limit);
    }

    #prefilterCandidates(): number | undefined {
        const prefilter = this.options.prefilter;
        if (prefilter === undefined || this.library.countChunks() < prefilter.minChunks) return undefined;
        return prefilter.candidates;
    }
}
