import { LlamaText, type ChatHistoryItem } from "node-llama-cpp";
import type { ChatGenerator, GenerationMessage } from "./types.js";

/** The options the app's chat gives a session, in node-llama-cpp's names. */
export type PromptOptions = {
    signal?: AbortSignal;
    stopOnAbortSignal?: boolean;
    maxTokens?: number;
    temperature?: number;
    topK?: number;
    topP?: number;
    repeatPenalty?: false | { penalty?: number };
    onTextChunk?: (text: string) => void;
};

/** What the app's chat needs of a chat session: node-llama-cpp's LlamaChatSession, or one over a ChatGenerator. */
export interface PromptSession {
    setChatHistory(history: ChatHistoryItem[]): void;
    promptWithMeta(prompt: string, options?: PromptOptions): Promise<{ responseText: string; stopReason: string }>;
    dispose(options?: { disposeSequence?: boolean }): void;
}

/**
 * A chat session whose answers come from a ChatGenerator (the remote engine): it keeps the conversation
 * and sends all of it with each prompt, as OpenAI-compatible servers expect.
 */
export class GeneratorChatSession implements PromptSession {
    #history: GenerationMessage[] = [];

    constructor(private readonly generator: ChatGenerator) {}

    setChatHistory(history: ChatHistoryItem[]): void {
        this.#history = history.flatMap((item): GenerationMessage[] => {
            if (item.type === "system") return [{ role: "system", text: typeof item.text === "string" ? item.text : LlamaText.fromJSON(item.text).toString() }];
            if (item.type === "user") return [{ role: "user", text: item.text }];
            const text = item.response.filter((part): part is string => typeof part === "string").join("");
            return text === "" ? [] : [{ role: "assistant", text }];
        });
    }

    async promptWithMeta(prompt: string, options: PromptOptions = {}): Promise<{ responseText: string; stopReason: string }> {
        const messages: GenerationMessage[] = [...this.#history, { role: "user", text: prompt }];
        const penalty = options.repeatPenalty === false ? undefined : options.repeatPenalty?.penalty;
        const result = await this.generator.generate({
            messages,
            sampling: {
                ...(options.temperature != null ? { temperature: options.temperature } : {}),
                ...(options.topK != null ? { topK: options.topK } : {}),
                ...(options.topP != null ? { topP: options.topP } : {}),
                ...(penalty != null ? { repeatPenalty: penalty } : {})
            },
            ...(options.maxTokens != null ? { maxTokens: options.maxTokens } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.onTextChunk ? { onText: options.onTextChunk } : {})
        });
        this.#history = [...messages, ...(result.text === "" ? [] : [{ role: "assistant" as const, text: result.text }])];
        const stopReason = result.finish === "aborted" ? "abort" : result.finish === "length" ? "maxTokens" : "eogToken";
        return { responseText: result.text, stopReason };
    }

    dispose(): void {
        this.#history = [];
    }
}
