import { resolveChatWrapper, type LlamaModel, type Token } from "node-llama-cpp";

/**
 * The tokens of a one-turn chat in the model's own template, up to where its answer begins: what the
 * model has read when it starts answering in the app. An answer scored after these is scored as chat.
 */
export function chatPrefixTokens(model: LlamaModel, systemPrompt: string, userText: string): Token[] {
    const wrapper = resolveChatWrapper(model);
    const { contextText } = wrapper.generateContextState({
        chatHistory: [{ type: "system", text: systemPrompt }, { type: "user", text: userText }, { type: "model", response: [] }]
    });
    return contextText.tokenize(model.tokenizer);
}
