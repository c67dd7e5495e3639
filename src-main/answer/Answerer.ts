import type { HybridRetriever } from "../retrieval/HybridRetriever.js";
import { attributeCitations } from "./attributeCitations.js";
import { buildGroundedPrompt, GROUNDED_SYSTEM_PROMPT } from "./buildGroundedPrompt.js";
import { dropRepeatedSentences } from "./dropRepeatedSentences.js";
import { extractCitations } from "./extractCitations.js";
import { packSources } from "./packSources.js";
import type { Citation, NumberedSource } from "./types.js";

export type AnswererOptions = {
    /** Passages retrieved before packing (default 12). */
    retrieve?: number;
    /** Share of the chat context the sources may take (default 0.6). */
    sourceShare?: number;
    /** Something the person should know about how this answer was found, e.g. that reranking was off. */
    notice?: string;
};

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

    async prepare(
        question: string,
        chat: { contextSize: number; countTokens: (text: string) => number },
        signal?: AbortSignal
    ): Promise<PreparedQuestion> {
        const ranked = await this.retriever.retrieve(question, { limit: this.options.retrieve ?? 12, ...(signal ? { signal } : {}) });
        const budget = Math.floor(chat.contextSize * (this.options.sourceShare ?? 0.6));
        const sources = packSources(ranked, budget, chat.countTokens);
        const notice = this.options.notice;
        return { systemPrompt: GROUNDED_SYSTEM_PROMPT, prompt: buildGroundedPrompt(question, sources), sources, ...(notice ? { notice } : {}) };
    }

    /** The answer as kept: loops removed, each sentence's citations checked against the passages, invented numbers dropped. */
    finish(answer: string, sources: readonly NumberedSource[]): { text: string; citations: Citation[] } {
        return extractCitations(attributeCitations(dropRepeatedSentences(answer), sources), sources);
    }
}
