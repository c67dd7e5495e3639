import type { GenerationResult } from "../../generation/types.js";
import { ApiError } from "../ApiError.js";
import type { ApiDeps } from "../ApiDeps.js";
import type { ApiReply, ApiRoute } from "../ApiRoute.js";
import { resolveModel } from "../resolveModel.js";
import { chatRequestOptions } from "../wire/chatRequestOptions.js";
import { completionRequestSchema } from "../wire/completionRequest.js";
import { parseRequest } from "../wire/parseRequest.js";
import { responseId, unixSeconds } from "../wire/responseIds.js";
import { usageOf } from "../wire/usageOf.js";

/** POST /v1/completions: plain text continuation of a prompt by the loaded chat model (no chat template). */
export function completionsRoute(deps: ApiDeps): ApiRoute {
    return {
        method: "POST", path: "/v1/completions",
        handle: async ({ body, signal }): Promise<ApiReply> => {
            const request = parseRequest(completionRequestSchema, body);
            const entry = resolveModel(deps.models(), request.model, "completion");
            const prompt = typeof request.prompt === "string" ? request.prompt : request.prompt[0]!;
            const { sampling, stop, maxTokens } = chatRequestOptions(request);
            const frame = { id: responseId("cmpl"), object: "text_completion", created: unixSeconds(), model: entry.id, system_fingerprint: null };
            const echo = request.echo === true ? prompt : "";
            const run = (onText?: (text: string) => void) => deps.chat().complete({
                prompt, sampling, stop, signal, ...(maxTokens != null ? { maxTokens } : {}), ...(onText ? { onText } : {})
            }).then((result) => checked(result, signal));
            if (request.stream !== true) {
                const result = await run();
                return { json: { ...frame, choices: [choice(echo + result.text, result)], usage: usageOf(result) } };
            }
            const withUsage = request.stream_options?.include_usage === true;
            return {
                stream: async (sse) => {
                    let first = true;
                    const text = (piece: string) => {
                        sse.send({ ...frame, choices: [{ text: first ? echo + piece : piece, index: 0, logprobs: null, finish_reason: null }], ...(withUsage ? { usage: null } : {}) });
                        first = false;
                    };
                    const result = await run(text);
                    sse.send({ ...frame, choices: [choice(first ? echo : "", result)], ...(withUsage ? { usage: null } : {}) });
                    if (withUsage) sse.send({ ...frame, choices: [], usage: usageOf(result) });
                    sse.done();
                }
            };
        }
    };
}

function choice(text: string, result: GenerationResult) {
    return { text, index: 0, logprobs: null, finish_reason: result.finish === "length" ? "length" : "stop" };
}

function checked(result: GenerationResult, signal: AbortSignal): GenerationResult {
    if (result.finish === "aborted" && !signal.aborted)
        throw new ApiError(503, "The model was unloaded or replaced while answering. Send the request again.", "service_unavailable", "model_unloaded");
    return result;
}
