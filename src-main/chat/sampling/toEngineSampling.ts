import type { EffectiveSampling } from "@common/contract/chatTypes.js";

/** The effective values as node-llama-cpp's prompt options; the answer may not exceed what the context can hold. */
export function toEngineSampling(values: EffectiveSampling["values"], contextSize: number) {
    return {
        temperature: values.temperature,
        topP: values.topP,
        topK: values.topK,
        minP: values.minP,
        // A penalty of 1 changes nothing; false also skips tracking the recent tokens.
        repeatPenalty: values.repeatPenalty > 1 ? { penalty: values.repeatPenalty } : (false as const),
        maxTokens: Math.max(1, Math.min(values.maxTokens, contextSize)),
        ...(values.seed == null ? {} : { seed: values.seed })
    };
}
