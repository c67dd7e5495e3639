import { z } from "zod";

/** The body of OpenAI's vector-store search: a query, how many results, and an optional score threshold. */
export const searchRequestSchema = z.object({
    query: z.union([z.string().trim().min(1).max(8192), z.array(z.string().trim().min(1).max(8192)).min(1).max(8)]),
    max_num_results: z.number().int().min(1).max(50).nullish(),
    rewrite_query: z.boolean().nullish(),
    ranking_options: z.object({ score_threshold: z.number().min(0).max(1).optional(), ranker: z.string().optional() }).nullish(),
    filters: z.unknown().optional()
});

export type SearchRequest = z.output<typeof searchRequestSchema>;
