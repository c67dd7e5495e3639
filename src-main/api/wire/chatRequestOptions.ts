import type { OutputFormat, Sampling, ToolSpec } from "../../generation/types.js";
import { CHAT_SAMPLING } from "../../answer/groundedSampling.js";
import type { ChatCompletionRequest } from "./chatCompletionRequest.js";
import { stopList } from "./samplingFields.js";

/**
 * A request's sampling, limits, format and tools. Fields the client leaves out take the app's chat defaults
 * (mild randomness, which small models need to avoid looping), not OpenAI's temperature 1.
 */
export function chatRequestOptions(request: Pick<ChatCompletionRequest,
    "temperature" | "top_p" | "seed" | "frequency_penalty" | "presence_penalty" | "max_tokens" | "stop"> &
    Partial<Pick<ChatCompletionRequest, "max_completion_tokens" | "response_format" | "tools" | "tool_choice">>) {
    const sampling: Sampling = {
        temperature: request.temperature ?? CHAT_SAMPLING.temperature,
        topP: request.top_p ?? CHAT_SAMPLING.topP,
        ...(request.temperature == null && request.top_p == null ? { topK: CHAT_SAMPLING.topK } : {}),
        ...(request.seed != null ? { seed: request.seed } : {}),
        ...(request.frequency_penalty != null ? { frequencyPenalty: request.frequency_penalty } : {}),
        ...(request.presence_penalty != null ? { presencePenalty: request.presence_penalty } : {})
    };
    const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? undefined;
    const responseFormat = request.response_format;
    const format: OutputFormat | undefined = responseFormat == null || responseFormat.type === "text" ? undefined
        : responseFormat.type === "json_object" || responseFormat.json_schema.schema == null ? { type: "json" }
            : { type: "json_schema", schema: responseFormat.json_schema.schema };
    const tools: ToolSpec[] = request.tool_choice === "none" ? [] : (request.tools ?? []).map((tool) => ({
        name: tool.function.name,
        ...(tool.function.description ? { description: tool.function.description } : {}),
        ...(tool.function.parameters ? { parameters: tool.function.parameters } : {})
    }));
    return {
        sampling, stop: stopList(request.stop),
        ...(maxTokens != null ? { maxTokens } : {}),
        ...(format ? { format } : {}),
        ...(tools.length > 0 ? { tools } : {})
    };
}
