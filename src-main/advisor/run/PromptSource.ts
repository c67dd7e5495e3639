import type { Answerer } from "../../answer/Answerer.js";
import type { Probe } from "../types.js";

/** Chat's system prompt for questions without the library (as ChatService asks them). */
export const PLAIN_SYSTEM_PROMPT = "You are Locus, a private assistant that runs entirely on this computer. Answer clearly and concisely.";

export type ProbePrompt = { systemPrompt: string; userText: string };

/**
 * The prompt each probe gets under each method, exactly as chat would send it: the question alone, or
 * (RAG) the library's grounded prompt with its sources, prepared by the app's own Answerer for a model of
 * this size. Retrieval does not depend on the model's weights, so a prompt is prepared once per size class.
 */
export class PromptSource {
    readonly #grounded = new Map<string, Promise<ProbePrompt>>();

    constructor(private readonly answerer: () => Promise<Answerer>) {}

    prompt(probe: Probe, rag: boolean, model: { parameterCount: number; contextSize: number; countTokens: (text: string) => number }): Promise<ProbePrompt> {
        if (!rag) return Promise.resolve({ systemPrompt: PLAIN_SYSTEM_PROMPT, userText: probe.question });
        const key = `${probe.id}|${String(model.parameterCount < 5e8)}|${String(model.parameterCount < 2e9)}|${String(model.contextSize)}`;
        let prompt = this.#grounded.get(key);
        if (prompt == null) {
            prompt = this.answerer().then(async (answerer) => {
                const prepared = await answerer.prepare(probe.question, model);
                return { systemPrompt: prepared.systemPrompt, userText: prepared.prompt };
            });
            this.#grounded.set(key, prompt);
        }
        return prompt;
    }
}
