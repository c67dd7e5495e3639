import { InvalidInputError } from "@common/errors.js";
import type { Answerer } from "../../answer/Answerer.js";
import { GROUNDED_SAMPLING } from "../../answer/groundedSampling.js";
import type { ChatGenerator, FinishReason, GenerationMessage } from "../../generation/types.js";
import type { LibraryScope } from "../../library/resolveScope.js";
import type { ApiCitation } from "./ApiCitation.js";

export type LibraryAnswerRequest = {
    messages: readonly GenerationMessage[];
    maxTokens?: number;
    stop?: readonly string[];
    signal?: AbortSignal;
    /** Search only these collections (a `locus-library:<collection>` model); absent: the whole library. */
    scope?: LibraryScope;
    /** The answer as generated, before its citations are checked. */
    onText?: (text: string) => void;
};

export type LibraryAnswer = {
    /** The answer as kept: citations of no real source removed (may differ from the streamed text). */
    text: string;
    citations: ApiCitation[];
    finish: FinishReason;
    promptTokens: number;
    completionTokens: number;
    notice?: string;
};

/**
 * The `locus-library` model: the last user message is a question to the library. The app's Answerer finds
 * and packs the passages, the chat model answers with numbered citations under the grounded prompt and
 * sampling the app's own library chat uses, and the Answerer keeps only citations of real sources.
 */
export class LibraryAnswers {
    constructor(
        private readonly answerer: (scope?: LibraryScope) => Promise<Answerer>,
        private readonly generator: () => ChatGenerator
    ) {}

    async answer(request: LibraryAnswerRequest): Promise<LibraryAnswer> {
        const lastUser = request.messages.findLastIndex((m) => m.role === "user");
        const question = lastUser < 0 ? "" : request.messages[lastUser]!.text.trim();
        if (question === "") throw new InvalidInputError("Ask the library a question: the last user message is empty or missing.");
        const generator = this.generator();
        const answerer = await this.answerer(request.scope);
        const prepared = await answerer.prepare(question, generator.answerModel(), request.signal);
        // Earlier turns stay as conversation; the client's own system messages give way to the grounded prompt.
        const earlier = request.messages.slice(0, lastUser).flatMap((m): GenerationMessage[] =>
            m.role === "user" || (m.role === "assistant" && m.text !== "") ? [{ role: m.role, text: m.text }] : []);
        const result = await generator.generate({
            messages: [{ role: "system", text: prepared.systemPrompt }, ...earlier, { role: "user", text: prepared.prompt }],
            sampling: { temperature: GROUNDED_SAMPLING.temperature, repeatPenalty: GROUNDED_SAMPLING.repeatPenalty.penalty },
            ...(request.maxTokens != null ? { maxTokens: request.maxTokens } : {}),
            ...(request.stop ? { stop: request.stop } : {}),
            ...(request.signal ? { signal: request.signal } : {}),
            ...(request.onText ? { onText: request.onText } : {})
        });
        const finished = answerer.finish(result.text, prepared.sources);
        const passages = new Map(prepared.sources.map((source) => [source.chunk.id, source.chunk.text]));
        const citations = finished.citations.map((citation): ApiCitation => ({
            number: citation.number, file: citation.documentName, document_id: citation.documentId, chunk_id: citation.chunkId,
            page: citation.page, heading: citation.headingPath, passage: passages.get(citation.chunkId) ?? "",
            char_start: citation.charStart, char_end: citation.charEnd
        }));
        return {
            text: finished.text, citations, finish: result.finish, promptTokens: result.promptTokens, completionTokens: result.completionTokens,
            ...(prepared.notice ? { notice: prepared.notice } : {})
        };
    }
}
