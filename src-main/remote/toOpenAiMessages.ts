import type OpenAI from "openai";
import type { GenerationMessage } from "../generation/types.js";

/** The conversation in OpenAI's message format, for an OpenAI-compatible server. */
export function toOpenAiMessages(messages: readonly GenerationMessage[]): OpenAI.Chat.ChatCompletionMessageParam[] {
    return messages.map((message): OpenAI.Chat.ChatCompletionMessageParam => {
        switch (message.role) {
            case "system":
                return { role: "system", content: message.text };
            case "user":
                return { role: "user", content: message.text };
            case "assistant":
                return message.toolCalls?.length
                    ? {
                        role: "assistant", content: message.text === "" ? null : message.text,
                        tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } }))
                    }
                    : { role: "assistant", content: message.text };
            case "tool":
                return { role: "tool", tool_call_id: message.toolCallId, content: message.text };
        }
    });
}
