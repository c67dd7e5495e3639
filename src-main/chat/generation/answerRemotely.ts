import { LlamaText, type ChatHistoryItem } from "node-llama-cpp";
import type { EffectiveSampling } from "@common/contract/chatTypes.js";
import type { ChatGenerator as TextGenerator, GenerationMessage } from "../../generation/types.js";
import { fitHistory } from "./fitHistory.js";

export type RemoteAnswer = { text: string; stopReason: "abort" | "maxTokens" | "eogToken"; leftOut: number };

/**
 * One answer from the remote engine (an OpenAI-compatible server): the whole conversation is sent each time,
 * as those servers keep no session, with the chat's system prompt and sampling in OpenAI's fields (and the
 * extras llama-server and vLLM read). The server's tokenizer is not here, so the history is fitted to its
 * context with the generator's own estimate. Thinking comes apart when the server sends it apart
 * (`reasoning_content`, as llama-server and vLLM do for thinking models).
 */
export async function answerRemotely(generator: TextGenerator, input: {
    history: ChatHistoryItem[];
    prompt: string;
    sampling: EffectiveSampling["values"];
    signal: AbortSignal;
    onText: (text: string, thinking: boolean) => void;
}): Promise<RemoteAnswer> {
    const model = generator.answerModel();
    const maxTokens = Math.max(1, Math.min(input.sampling.maxTokens, model.contextSize));
    const reserve = Math.min(maxTokens, Math.floor(model.contextSize / 4));
    const count = (items: ChatHistoryItem[]) => toMessages(items).reduce((sum, message) => sum + model.countTokens(message.text) + 4, 0);
    const fitted = fitHistory(input.history, input.prompt, model.contextSize - reserve, count);
    const values = input.sampling;
    const result = await generator.generate({
        messages: [...toMessages(fitted.history), { role: "user", text: input.prompt }],
        sampling: {
            temperature: values.temperature, topP: values.topP, topK: values.topK, minP: values.minP,
            ...(values.repeatPenalty > 1 ? { repeatPenalty: values.repeatPenalty } : {}),
            ...(values.seed == null ? {} : { seed: values.seed })
        },
        maxTokens,
        signal: input.signal,
        onText: (text) => input.onText(text, false),
        onThinking: (text) => input.onText(text, true)
    });
    const stopReason = result.finish === "aborted" ? "abort" : result.finish === "length" ? "maxTokens" : "eogToken";
    return { text: result.text, stopReason, leftOut: fitted.leftOut };
}

function toMessages(history: readonly ChatHistoryItem[]): GenerationMessage[] {
    return history.flatMap((item): GenerationMessage[] => {
        if (item.type === "system") return [{ role: "system", text: typeof item.text === "string" ? item.text : LlamaText.fromJSON(item.text).toString() }];
        if (item.type === "user") return [{ role: "user", text: item.text }];
        const text = item.response.filter((part): part is string => typeof part === "string").join("");
        return text === "" ? [] : [{ role: "assistant", text }];
    });
}
