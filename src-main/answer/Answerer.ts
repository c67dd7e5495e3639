import type { HybridRetriever } from "../retrieval/HybridRetriever.js";
import { attributeCitations } from "./attributeCitations.js";
import { buildGroundedPrompt, GROUNDED_SYSTEM_PROMPT } from "./buildGroundedPrompt.js";
import { dropRepeatedSentences } from "./dropRepeatedSentences.js";
import { extractCitations } from "./extractCitations.js";
import { focusPassages, type EmbedTexts } from "./focusPassages.js";
import { packSources } from "./packSources.js";
import { sourcePlanFor } from "./sourcePlan.js";
import type { Citation, NumberedSource } from "./types.js";

export type AnswererOptions = {
    /** Passages retrieved before packing (default 12). */
    retrieve?: number;
    /** Share of the chat context the sources may take (default 0.6). */
    sourceShare?: number;
    /** Something the person should know about how this answer was found, e.g. that reranking was off. */
    notice?: string;
    /** The library's embedding model, to pick the sentences of each passage closest to a question (small models). */
    embed?: EmbedTexts;
};

/** What the Answerer needs to know of the chat model. */
export type AnswerModel = { contextSize: number; countTokens: (text: string) => number; parameterCount?: number | null };

/** A question prepared for the model: the grounded prompt and the sources it may cite. */
export type PreparedQuestion = { systemPrompt: string; prompt: string; sources: NumberedSource[]; notice?: string };

/**
 * Answers from the library: retrieves the best passages, packs as many as the chat context allows
 * (counted in the chat model's own tokens), and afterwards keeps only citations of real sources.
 */
export class Answerer {
    constructor(
        private readonly retriever: HybridRetriever,
        private readonly options: AnswererOptions = {}
    ) {}

    async prepare(question: string, chat: AnswerModel, signal?: AbortSignal): Promise<PreparedQuestion> {
        const plan = sourcePlanFor(chat.parameterCount ?? null);
        const ranked = await this.retriever.retrieve(question, { limit: this.options.retrieve ?? 12, ...(signal ? { signal } : {}) });
        const budget = Math.floor(chat.contextSize * (this.options.sourceShare ?? 0.6));
        // Focusing reads the best 8 passages sentence by sentence; the plan then keeps the best few.
        const candidates = plan.sentencesPerSource == null
            ? ranked
            : await focusPassages(question, ranked.slice(0, 8), plan.sentencesPerSource, this.options.embed ?? null);
        signal?.throwIfAborted();
        const sources = packSources(candidates, budget, chat.countTokens, { maxSources: plan.maxSources, headers: plan.headers });
        const notice = this.options.notice;
        return {
            systemPrompt: GROUNDED_SYSTEM_PROMPT, prompt: buildGroundedPrompt(question, sources, { headers: plan.headers }), sources,
            ...(notice ? { notice } : {})
        };
    }

    /** The answer as kept: loops removed, each sentence's citations checked against the passages, invented numbers dropped. */
    finish(answer: string, sources: readonly NumberedSource[]): { text: string; citations: Citation[] } {
        return extractCitations(attributeCitations(dropRepeatedSentences(answer), sources), sources);
    }
}
