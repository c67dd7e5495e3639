import type { Sampling } from "./types.js";

/** Sampling fields as node-llama-cpp's generation options take them. */
export function llamaSampling(sampling: Sampling = {}) {
    const { temperature, topP, topK, minP, seed, repeatPenalty, frequencyPenalty, presencePenalty } = sampling;
    const penalised = repeatPenalty != null || frequencyPenalty != null || presencePenalty != null;
    return {
        ...(temperature != null ? { temperature } : {}),
        ...(topP != null ? { topP } : {}),
        ...(topK != null ? { topK } : {}),
        ...(minP != null ? { minP } : {}),
        ...(seed != null ? { seed } : {}),
        ...(penalised
            ? {
                repeatPenalty: {
                    ...(repeatPenalty != null ? { penalty: repeatPenalty } : {}),
                    ...(frequencyPenalty != null ? { frequencyPenalty } : {}),
                    ...(presencePenalty != null ? { presencePenalty } : {})
                }
            }
            : {})
    };
}
