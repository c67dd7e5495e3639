import type { ChatHistoryItem, ChatModelFunctionCall, ChatModelResponse } from "node-llama-cpp";
import { InvalidInputError } from "@common/errors.js";
import type { GenerationMessage } from "./types.js";

/**
 * A conversation as node-llama-cpp's chat history, ending with the model response to generate (empty, or
 * one the model should continue: a start the client wrote, or tool calls and their results). System messages merge into one at the top, as chat
 * templates expect; a tool call and its result (the `tool` message answering its id) become one function call.
 */
export function toLlamaHistory(messages: readonly GenerationMessage[]): ChatHistoryItem[] {
    const system = messages.filter((m) => m.role === "system").map((m) => m.text).join("\n\n");
    const history: ChatHistoryItem[] = system === "" ? [] : [{ type: "system", text: system }];
    const results = new Map<string, string>();
    for (const message of messages) if (message.role === "tool") results.set(message.toolCallId, message.text);

    let response: ChatModelResponse | null = null;
    for (const message of messages) {
        if (message.role === "system" || message.role === "tool") continue;
        if (message.role === "user") {
            response = null;
            history.push({ type: "user", text: message.text });
            continue;
        }
        if (response == null) {
            response = { type: "model", response: [] };
            history.push(response);
        }
        if (message.text !== "") response.response.push(message.text);
        for (const call of message.toolCalls ?? []) response.response.push(functionCall(call.name, call.arguments, results.get(call.id)));
    }
    // After tool results, or when the client starts the answer itself, the model continues that response,
    // as node-llama-cpp's own sessions do after a function call.
    if (history.at(-1)?.type !== "model") history.push({ type: "model", response: [] });
    return history;
}

function functionCall(name: string, args: string, result: string | undefined): ChatModelFunctionCall {
    let params: unknown;
    try {
        params = args.trim() === "" ? undefined : JSON.parse(args);
    } catch {
        throw new InvalidInputError(`The arguments of the earlier call to "${name}" are not valid JSON.`);
    }
    return { type: "functionCall", name, params, result: result === undefined ? null : parseResult(result) };
}

/** A tool's result as the model saw it produced: JSON when it is JSON, else the text. */
function parseResult(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}
