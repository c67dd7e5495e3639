import OpenAI from "openai";
import type { AnswerModel } from "../answer/Answerer.js";
import type {
    ChatGenerator, CompletionRequest, FinishReason, GenerationRequest, GenerationResult, Sampling, ToolCall
} from "../generation/types.js";
import { IdleDeadline } from "./IdleDeadline.js";
import { RemoteEngineError } from "./RemoteEngineError.js";
import { toOpenAiMessages } from "./toOpenAiMessages.js";
import { toRemoteError } from "./toRemoteError.js";

export type RemoteServer = {
    /** OpenAI-compatible base URL, e.g. https://gpu-box:8080/v1 (checked by serverAddress). */
    baseUrl: string;
    apiKey: string | null;
    /** The model name the server answers under. */
    model: string;
    /** Seconds to wait for the first piece of an answer (default 120) and between pieces (default 60). */
    firstTokenTimeoutSeconds?: number;
    idleTimeoutSeconds?: number;
};

/** What the server told about its model (llama-server's /v1/models meta, vLLM's max_model_len). */
export type RemoteModelFacts = { contextSize: number | null; parameterCount: number | null };

/**
 * Generation on an OpenAI-compatible server (llama.cpp's llama-server, vLLM, …): every answer is streamed,
 * so a server that goes silent is noticed within the idle timeout and one that dies mid-answer is reported,
 * and Stop keeps what was written so far. Errors are RemoteEngineErrors that say what to do.
 */
export class RemoteChatGenerator implements ChatGenerator {
    readonly where = "remote";
    readonly #client: OpenAI;
    #facts: RemoteModelFacts = { contextSize: null, parameterCount: null };

    constructor(private readonly server: RemoteServer) {
        // No retries: a person waiting for an answer should hear at once that the server is unreachable.
        this.#client = new OpenAI({
            baseURL: server.baseUrl, apiKey: server.apiKey ?? "no-key", maxRetries: 0,
            // Our own deadline (IdleDeadline) speaks first; this one only guards against it failing.
            timeout: ((server.firstTokenTimeoutSeconds ?? 120) + 30) * 1000
        });
    }

    get modelName(): string {
        return this.server.model;
    }

    get baseUrl(): string {
        return this.server.baseUrl;
    }

    /** Facts read from the server (context size, parameter count) sharpen how many passages a library answer gets. */
    learn(facts: RemoteModelFacts): void {
        this.#facts = facts;
    }

    answerModel(): AnswerModel {
        // Tokens are counted by the server's tokenizer, which Locus does not have: three characters a token
        // overestimates English and most European text, so the passages always fit.
        return { contextSize: this.#facts.contextSize ?? 4096, countTokens: (text) => Math.ceil(text.length / 3), parameterCount: this.#facts.parameterCount };
    }

    /** The models the server lists, with what it says about the one in use. */
    async listModels(signal?: AbortSignal): Promise<{ ids: string[]; facts: RemoteModelFacts }> {
        const deadline = new IdleDeadline((this.server.firstTokenTimeoutSeconds ?? 120) * 1000, 60_000, signal);
        try {
            const page = await this.#client.models.list({ signal: deadline.signal });
            const entries = page.data as (OpenAI.Models.Model & { meta?: { n_ctx?: number; n_params?: number }; max_model_len?: number })[];
            const own = entries.find((entry) => entry.id === this.server.model) ?? (entries.length === 1 ? entries[0] : undefined);
            const facts = { contextSize: own?.meta?.n_ctx ?? own?.max_model_len ?? null, parameterCount: own?.meta?.n_params ?? null };
            return { ids: entries.map((entry) => entry.id), facts };
        } catch (error) {
            throw toRemoteError(error, this.server.baseUrl, deadline.expiredAfterSeconds);
        } finally {
            deadline.dispose();
        }
    }

    async generate(request: GenerationRequest): Promise<GenerationResult> {
        const body = {
            model: this.server.model, messages: toOpenAiMessages(request.messages), stream: true as const, stream_options: { include_usage: true },
            ...wireSampling(request.sampling),
            ...(request.maxTokens != null ? { max_tokens: request.maxTokens } : {}),
            ...(request.stop?.length ? { stop: [...request.stop] } : {}),
            ...(request.format == null ? {}
                : request.format.type === "json" ? { response_format: { type: "json_object" as const } }
                    : { response_format: { type: "json_schema" as const, json_schema: { name: "output", schema: request.format.schema } } }),
            ...(request.tools?.length
                ? { tools: request.tools.map((tool) => ({ type: "function" as const, function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), ...(tool.parameters ? { parameters: tool.parameters } : {}) } })) }
                : {})
        };
        return this.#stream(request, (signal) => this.#client.chat.completions.create(body as OpenAI.Chat.ChatCompletionCreateParamsStreaming, { signal }),
            (chunk: OpenAI.Chat.ChatCompletionChunk) => ({ text: chunk.choices[0]?.delta.content ?? "", thinking: reasoningOf(chunk.choices[0]?.delta), finish: chunk.choices[0]?.finish_reason ?? null, toolCalls: chunk.choices[0]?.delta.tool_calls ?? [], usage: chunk.usage ?? null }));
    }

    async complete(request: CompletionRequest): Promise<GenerationResult> {
        const body = {
            model: this.server.model, prompt: request.prompt, stream: true as const, stream_options: { include_usage: true },
            ...wireSampling(request.sampling),
            ...(request.maxTokens != null ? { max_tokens: request.maxTokens } : {}),
            ...(request.stop?.length ? { stop: [...request.stop] } : {})
        };
        return this.#stream(request, (signal) => this.#client.completions.create(body as OpenAI.Completions.CompletionCreateParamsStreaming, { signal }),
            (chunk: OpenAI.Completions.Completion) => ({ text: chunk.choices[0]?.text ?? "", finish: chunk.choices[0]?.finish_reason ?? null, toolCalls: [], usage: chunk.usage ?? null }));
    }

    async #stream<C>(
        request: { signal?: AbortSignal; onText?: (text: string) => void; onThinking?: (text: string) => void },
        start: (signal: AbortSignal) => PromiseLike<AsyncIterable<C>>,
        read: (chunk: C) => { text: string; thinking?: string; finish: string | null; toolCalls: OpenAI.Chat.ChatCompletionChunk.Choice.Delta.ToolCall[]; usage: OpenAI.CompletionUsage | null }
    ): Promise<GenerationResult> {
        const deadline = new IdleDeadline((this.server.firstTokenTimeoutSeconds ?? 120) * 1000, (this.server.idleTimeoutSeconds ?? 60) * 1000, request.signal);
        let text = "";
        let finish: string | null = null;
        let usage: OpenAI.CompletionUsage | null = null;
        const calls: { id: string; name: string; arguments: string }[] = [];
        try {
            const stream = await start(deadline.signal);
            for await (const chunk of stream) {
                // Stop: what arrived after it is not part of the answer.
                if (request.signal?.aborted) break;
                deadline.alive();
                const piece = read(chunk);
                // Before the answer: a thinking model's reasoning, kept apart (never part of `text`).
                if (piece.thinking) request.onThinking?.(piece.thinking);
                if (piece.text !== "") {
                    text += piece.text;
                    request.onText?.(piece.text);
                }
                for (const delta of piece.toolCalls) {
                    const call = (calls[delta.index] ??= { id: "", name: "", arguments: "" });
                    call.id ||= delta.id ?? "";
                    call.name += delta.function?.name ?? "";
                    call.arguments += delta.function?.arguments ?? "";
                }
                finish = piece.finish ?? finish;
                usage = piece.usage ?? usage;
            }
            if (request.signal?.aborted) return aborted(text);
            if (finish == null) throw new RemoteEngineError(`The server at ${this.server.baseUrl} stopped in the middle of the answer. You can switch back to this computer in Settings → Engine.`);
        } catch (error) {
            if (request.signal?.aborted) return aborted(text);
            throw toRemoteError(error, this.server.baseUrl, deadline.expiredAfterSeconds);
        } finally {
            deadline.dispose();
        }
        const toolCalls: ToolCall[] = calls.filter((call) => call.name !== "").map((call, index) => ({ id: call.id || `call_${index}`, name: call.name, arguments: call.arguments }));
        return {
            text, toolCalls, finish: finishOf(finish, toolCalls.length > 0),
            promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0
        };
    }
}

/** llama-server and vLLM send a thinking model's reasoning in `reasoning_content` (older vLLM: `reasoning`). */
function reasoningOf(delta: object | undefined): string {
    const fields = delta as { reasoning_content?: unknown; reasoning?: unknown } | undefined;
    const value = fields?.reasoning_content ?? fields?.reasoning;
    return typeof value === "string" ? value : "";
}

function aborted(text: string): GenerationResult {
    return { text, toolCalls: [], finish: "aborted", promptTokens: 0, completionTokens: 0 };
}

function finishOf(finish: string, hasToolCalls: boolean): FinishReason {
    if (finish === "length") return "length";
    if (finish === "tool_calls" || finish === "function_call" || hasToolCalls) return "tool_calls";
    return "stop";
}

/**
 * Sampling in OpenAI's fields, plus the extras llama-server (`top_k`, `repeat_penalty`) and vLLM (`top_k`,
 * `repetition_penalty`) read; each ignores the fields it does not know.
 */
function wireSampling(sampling: Sampling = {}) {
    return {
        ...(sampling.temperature != null ? { temperature: sampling.temperature } : {}),
        ...(sampling.topP != null ? { top_p: sampling.topP } : {}),
        ...(sampling.topK != null ? { top_k: sampling.topK } : {}),
        ...(sampling.minP != null ? { min_p: sampling.minP } : {}),
        ...(sampling.seed != null ? { seed: sampling.seed } : {}),
        ...(sampling.frequencyPenalty != null ? { frequency_penalty: sampling.frequencyPenalty } : {}),
        ...(sampling.presencePenalty != null ? { presence_penalty: sampling.presencePenalty } : {}),
        ...(sampling.repeatPenalty != null ? { repeat_penalty: sampling.repeatPenalty, repetition_penalty: sampling.repeatPenalty } : {})
    };
}
