import type { GenerationMessage } from "../../generation/types.js";
import type { ChatMessage } from "./chatCompletionRequest.js";

/** Wire messages as the engine-neutral conversation; `developer` is OpenAI's newer name for `system`. */
export function toGenerationMessages(messages: readonly ChatMessage[]): GenerationMessage[] {
    return messages.map((message): GenerationMessage => {
        const text = textOf(message.content);
        switch (message.role) {
            case "system":
            case "developer":
                return { role: "system", text };
            case "user":
                return { role: "user", text };
            case "assistant":
                return {
                    role: "assistant", text,
                    ...(message.tool_calls?.length
                        ? { toolCalls: message.tool_calls.map((call) => ({ id: call.id, name: call.function.name, arguments: call.function.arguments })) }
                        : {})
                };
            case "tool":
                return { role: "tool", toolCallId: message.tool_call_id, text };
        }
    });
}

function textOf(content: ChatMessage["content"]): string {
    if (content == null) return "";
    return typeof content === "string" ? content : content.map((part) => part.text).join("");
}
