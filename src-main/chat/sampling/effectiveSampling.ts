import type { EffectiveSampling, SamplingField, SamplingSettings, SamplingSource } from "@common/contract/chatTypes.js";
import { samplingFields } from "@common/contract/chatTypes.js";
import type { ChatMode } from "@common/contract/types.js";
import { CHAT_SAMPLING, GROUNDED_SAMPLING } from "../../answer/groundedSampling.js";

/** What each layer says; an absent field falls through to the next. */
export type SamplingLayers = {
    chat: SamplingSettings | null;
    settings: SamplingSettings;
    /** The loaded model file's advice (GGUF `general.sampling.*`); not used for library answers. */
    model: SamplingSettings;
    /** Locus's longest answer when nobody set one. */
    maxTokens: number;
};

/** Open chat: mild randomness (see groundedSampling.ts); the engine's own defaults for the rest, no repeat penalty. */
const locusChat: EffectiveSampling["values"] = {
    temperature: CHAT_SAMPLING.temperature, topP: CHAT_SAMPLING.topP, topK: CHAT_SAMPLING.topK, minP: 0, repeatPenalty: 1, maxTokens: 0, seed: null
};

/** Library answers keep the grounded sampling (greedy, mild repeat penalty) unless the person sets values explicitly. */
const library: SamplingSettings = { temperature: GROUNDED_SAMPLING.temperature, repeatPenalty: GROUNDED_SAMPLING.repeatPenalty.penalty };

/**
 * The sampling an answer uses, field by field: the chat's own setting, else Settings, else (open chat) the
 * model file's advice or (library) the grounded sampling, else Locus's default. Also says where each came from.
 */
export function effectiveSampling(mode: ChatMode, layers: SamplingLayers): EffectiveSampling {
    const ordered: [SamplingSource, SamplingSettings][] = [
        ["chat", layers.chat ?? {}], ["settings", layers.settings], mode === "library" ? ["library", library] : ["model", layers.model]
    ];
    const values = { ...locusChat, maxTokens: layers.maxTokens } as Record<SamplingField, number | null>;
    const from = {} as Record<SamplingField, SamplingSource>;
    for (const field of samplingFields) {
        const layer = ordered.find(([, settings]) => settings[field] !== undefined);
        from[field] = layer?.[0] ?? "locus";
        if (layer !== undefined) values[field] = layer[1][field] ?? null;
    }
    return { values: values as EffectiveSampling["values"], from: from as EffectiveSampling["from"] };
}
