import type { FinishReason } from "./types.js";

/** node-llama-cpp's stop reasons in OpenAI's words. */
export function finishReasonOf(stopReason: string): FinishReason {
    switch (stopReason) {
        case "maxTokens": return "length";
        case "functionCalls": return "tool_calls";
        case "abort": return "aborted";
        default: return "stop";
    }
}
