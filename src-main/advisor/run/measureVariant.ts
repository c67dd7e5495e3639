import type { AdvisorMethod } from "@common/contract/advisorTypes.js";
import { generalProse } from "../generalProse.js";
import type { ProbeScorer } from "../score/ProbeScorer.js";
import type { Probe } from "../types.js";
import type { PromptSource } from "./PromptSource.js";
import { scoreProbe, summarizeScores } from "./scoreProbes.js";
import type { MeasuredConfig, ModelVariant } from "./types.js";

/** What learning is measured against for one model file: its scores without learning and its prose loss. */
export type VariantBaseline = { none: MeasuredConfig; rag: MeasuredConfig; proseLoss: number };

/**
 * The two methods without learning on one model file (no library, and RAG), each over the same probes, and
 * how well the plain model predicts ordinary prose (the reference for forgetting). Before each probe after
 * the first, `keepScoring` (when given) may stop the scoring there: both methods then stand on the probes
 * scored so far.
 */
export async function measureVariant(input: {
    scorer: ProbeScorer; variant: ModelVariant; probes: readonly Probe[]; prompts: PromptSource; recallAt5: number;
    /** Resident memory before the scorer's model was loaded. */
    rssBeforeLoad: number;
    keepScoring?: (scored: number, elapsedMs: number) => boolean;
    signal?: AbortSignal;
}): Promise<VariantBaseline> {
    const { scorer, variant, prompts } = input;
    const started = performance.now();
    const none: number[] = [];
    const rag: number[] = [];
    for (const probe of input.probes) {
        input.signal?.throwIfAborted();
        if (none.length > 0 && input.keepScoring?.(none.length, performance.now() - started) === false) break;
        none.push(await scoreProbe(scorer, probe, false, prompts, variant.parameterCount));
        rag.push(await scoreProbe(scorer, probe, true, prompts, variant.parameterCount));
    }
    const probes = input.probes.slice(0, none.length);
    const proseLoss = await scorer.proseLoss(generalProse);
    // What the process holds now beyond what it held before the model loaded: its weights, context and buffers.
    const memoryBytes = Math.max(process.memoryUsage().rss - input.rssBeforeLoad, 0);
    const config = (method: AdvisorMethod, scores: number[]): MeasuredConfig => ({
        ...configBase(variant, method, null, 0), scores, ...summarizeScores(probes, scores), recallAt5: method === "rag" ? input.recallAt5 : null,
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
