export { HybridRetriever, type HybridRetrieverOptions } from "./HybridRetriever.js";
export { defaultRrfK, reciprocalRankFusion, type FusedItem } from "./reciprocalRankFusion.js";
export { RerankerOutputError } from "./RerankerOutputError.js";
export { maxQueryTerms, toFtsQuery } from "./toFtsQuery.js";
export type { QueryEmbedder, Reranker, RetrievalScores, RetrievedChunk, RetrieveOptions } from "./types.js";
