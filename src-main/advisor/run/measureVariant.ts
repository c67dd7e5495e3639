import type { AdvisorMethod } from "@common/contract/advisorTypes.js";
import { generalProse } from "../generalProse.js";
import type { ProbeScorer } from "../score/ProbeScorer.js";
import type { Probe } from "../types.js";
import type { PromptSource } from "./PromptSource.js";
import { scoreProbes } from "./scoreProbes.js";
import type { MeasuredConfig, ModelVariant } from "./types.js";

/** What learning is measured against for one model file: its scores without learning and its prose loss. */
export type VariantBaseline = { none: MeasuredConfig; rag: MeasuredConfig; proseLoss: number };

/**
 * The two methods without learning on one model file (no library, and RAG), each over every probe, and
 * how well the plain model predicts ordinary prose (the reference for forgetting).
 */
export async function measureVariant(input: {
    scorer: ProbeScorer; variant: ModelVariant; probes: readonly Probe[]; prompts: PromptSource; recallAt5: number;
    /** Resident memory before the scorer's model was loaded. */
    rssBeforeLoad: number;
    signal?: AbortSignal;
}): Promise<VariantBaseline> {
    const { scorer, variant, probes, prompts } = input;
    const none = await scoreProbes(scorer, probes, false, prompts, variant.parameterCount, input.signal);
    const rag = await scoreProbes(scorer, probes, true, prompts, variant.parameterCount, input.signal);
    const proseLoss = await scorer.proseLoss(generalProse);
    // What the process holds now beyond what it held before the model loaded: its weights, context and buffers.
    const memoryBytes = Math.max(process.memoryUsage().rss - input.rssBeforeLoad, 0);
    const config = (method: AdvisorMethod, scored: typeof none): MeasuredConfig => ({
        ...configBase(variant, method, null, 0), ...scored, scores: scored.scores, recallAt5: method === "rag" ? input.recallAt5 : null,
        memoryBytes, adapterPath: null
    });
    return { none: config("none", none), rag: config("rag", rag), proseLoss };
}

/** The fields every configuration of a model file shares. */
export function configBase(variant: ModelVariant, method: AdvisorMethod, dataFraction: number | null, learningSeconds: number) {
    const key = [variant.model.id, variant.compression, method, dataFraction == null ? "-" : String(dataFraction), String(Math.round(learningSeconds))].join("|");
    return {
        key, modelId: variant.model.id, modelName: variant.model.name, compression: variant.compression, bitsPerWeight: variant.bitsPerWeight,
        method, dataFraction, learningSeconds, modelPath: variant.path, generation: null, trainingPeakBytes: null, forgetting: null
    };
}
