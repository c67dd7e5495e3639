import type { ChatHistoryItem } from "node-llama-cpp";
import type { ChatMessage } from "@common/contract/types.js";

/**
 * The conversation so far as node-llama-cpp history; failed or empty answers are left out, and so is
 * thinking: models are trained to see only the answers of earlier turns.
 */
export function toChatHistory(systemPrompt: string, messages: readonly ChatMessage[]): ChatHistoryItem[] {
    const history: ChatHistoryItem[] = [{ type: "system", text: systemPrompt }];
    for (const message of messages) {
        if (message.role === "user") history.push({ type: "user", text: message.content });
        else if (message.content.trim() !== "" && message.status !== "error")
            history.push({ type: "model", response: [message.content] });
    }
    return history;
}
