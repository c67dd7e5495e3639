import type { FinishReason, GenerationResult, ToolCall } from "../../generation/types.js";
import { ApiError } from "../ApiError.js";
import type { ApiDeps } from "../ApiDeps.js";
import type { ApiReply, ApiRoute } from "../ApiRoute.js";
import type { ApiCitation } from "../library/ApiCitation.js";
import { resolveModel } from "../resolveModel.js";
import type { SseWriter } from "../SseWriter.js";
import { chatCompletionRequestSchema, type ChatCompletionRequest } from "../wire/chatCompletionRequest.js";
import { chatRequestOptions } from "../wire/chatRequestOptions.js";
import { parseRequest } from "../wire/parseRequest.js";
import { responseId, unixSeconds } from "../wire/responseIds.js";
import { toGenerationMessages } from "../wire/toGenerationMessages.js";
import { usageOf } from "../wire/usageOf.js";

/** What an answer ends as, whichever model wrote it. */
type Answer = GenerationResult & { citations?: ApiCitation[]; notice?: string };

/**
 * POST /v1/chat/completions: the loaded chat model, or `locus-library` (answers from the documents with
 * numbered citations and a `citations` field), whole or streamed as server-sent events.
 */
export function chatCompletionsRoute(deps: ApiDeps): ApiRoute {
    return {
        method: "POST", path: "/v1/chat/completions",
        handle: async ({ body, signal }): Promise<ApiReply> => {
            const request = parseRequest(chatCompletionRequestSchema, body);
            const entry = resolveModel(deps.models(), request.model, "chat");
            const messages = toGenerationMessages(request.messages);
            const options = chatRequestOptions(request);
            const frame = { id: responseId("chatcmpl"), created: unixSeconds(), model: entry.id };
            const run = (onText?: (text: string) => void): Promise<Answer> => {
                if (entry.role === "library" && deps.library != null) {
                    if (options.tools != null || options.format != null)
                        throw ApiError.invalid(`"${entry.id}" answers in text with citations: send it no tools or response_format.`, "model");
                    return deps.library.answers.answer({
                        messages, stop: options.stop, signal, ...(options.maxTokens != null ? { maxTokens: options.maxTokens } : {}),
                        ...(entry.collectionId != null ? { scope: { collectionIds: [entry.collectionId] } } : {}),
                        ...(onText ? { onText } : {})
                    }).then((answer) => ({ ...answer, toolCalls: [] }));
                }
                return deps.chat().generate({ messages, ...options, signal, ...(onText ? { onText } : {}) });
            };
            if (request.stream !== true)
                return { json: completionObject(frame, checkFinished(await run(), signal)) };
            return { stream: (sse) => streamAnswer(sse, frame, request, run, signal) };
        }
    };
}

type Frame = { id: string; created: number; model: string };

function completionObject(frame: Frame, answer: Answer) {
    const toolCalls = answer.toolCalls.map(wireToolCall);
    return {
        ...frame, object: "chat.completion", system_fingerprint: null,
        choices: [{
            index: 0,
            message: {
                role: "assistant", content: toolCalls.length > 0 && answer.text === "" ? null : answer.text, refusal: null,
                ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {})
            },
            logprobs: null, finish_reason: wireFinish(answer.finish)
        }],
        usage: usageOf(answer),
        ...(answer.citations != null ? { citations: answer.citations } : {}),
        ...(answer.notice ? { notice: answer.notice } : {})
    };
}

/**
 * Streams the answer: the first delta carries the role (and the first text), then one chunk per piece of
 * text, tool calls once complete, a final chunk with the finish reason (and, for the library, `citations`
 * and the checked text), the usage chunk when asked for, and `data: [DONE]`.
 */
async function streamAnswer(sse: SseWriter, frame: Frame, request: ChatCompletionRequest, run: (onText: (text: string) => void) => Promise<Answer>, signal: AbortSignal): Promise<void> {
    const withUsage = request.stream_options?.include_usage === true;
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
        ...frame, object: "chat.completion.chunk", system_fingerprint: null, choices, ...(withUsage ? { usage: null } : {}), ...extra
    });
    let roleSent = false;
    const delta = (content: Record<string, unknown>) => {
        sse.send(chunk([{ index: 0, delta: roleSent ? content : { role: "assistant", ...content }, logprobs: null, finish_reason: null }]));
        roleSent = true;
    };
    const answer = checkFinished(await run((text) => delta({ content: text })), signal);
    if (!roleSent) delta({ content: "" });
    const toolCalls = answer.toolCalls.map(wireToolCall);
    if (toolCalls.length > 0) delta({ tool_calls: toolCalls.map((call, index) => ({ index, ...call })) });
    sse.send(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: wireFinish(answer.finish) }], {
        ...(answer.citations != null ? { citations: answer.citations, checked_content: answer.text } : {}),
        ...(answer.notice ? { notice: answer.notice } : {})
    }));
    if (withUsage) sse.send({ ...frame, object: "chat.completion.chunk", system_fingerprint: null, choices: [], usage: usageOf(answer) });
    sse.done();
}

/** An answer cut short by anything but the client (the model was unloaded) is an error, not a short answer. */
function checkFinished<T extends { finish: FinishReason }>(answer: T, signal: AbortSignal): T {
    if (answer.finish === "aborted" && !signal.aborted)
        throw new ApiError(503, "The model was unloaded or replaced while answering. Send the request again.", "service_unavailable", "model_unloaded");
    return answer;
}

function wireFinish(finish: FinishReason): "stop" | "length" | "tool_calls" {
    return finish === "aborted" ? "stop" : finish;
}

function wireToolCall(call: ToolCall) {
    return { id: call.id, type: "function" as const, function: { name: call.name, arguments: call.arguments } };
}
