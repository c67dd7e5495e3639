import { samplingLimits, type SamplingSettings } from "@common/contract/chatTypes.js";

/** The GGUF keys (llama.cpp's `general.sampling.*`) a model file may carry its recommended sampling in. */
const ggufKeys = { temp: "temperature", top_p: "topP", top_k: "topK", min_p: "minP", penalty_repeat: "repeatPenalty" } as const;

/**
 * The sampling a model file recommends, from its parsed GGUF metadata (node-llama-cpp's `fileInfo.metadata`).
 * Values out of Locus's ranges are ignored: a model file is untrusted input.
 */
export function modelSampling(metadata: unknown): SamplingSettings {
    const sampling = (metadata as { general?: { sampling?: Record<string, unknown> } } | null | undefined)?.general?.sampling;
    if (sampling == null || typeof sampling !== "object") return {};
    const result: SamplingSettings = {};
    for (const [key, field] of Object.entries(ggufKeys) as [keyof typeof ggufKeys, (typeof ggufKeys)[keyof typeof ggufKeys]][]) {
        const raw = sampling[key];
        const value = typeof raw === "bigint" ? Number(raw) : raw;
        const limits = samplingLimits[field];
        if (typeof value !== "number" || !Number.isFinite(value) || value < limits.min || value > limits.max) continue;
        if (limits.integer && !Number.isInteger(value)) continue;
        // Stored as float32: 0.8 reads back as 0.800000011920929.
        result[field] = limits.integer ? value : Math.round(value * 1e6) / 1e6;
    }
    return result;
}
