import type { AdvisorLevel, AdvisorQuality } from "@common/contract/advisorTypes.js";
import type { ProbeScorer } from "../score/ProbeScorer.js";
import { bootstrapInterval } from "../score/bootstrapInterval.js";
import type { Probe } from "../types.js";
import type { PromptSource } from "./PromptSource.js";

export type ProbeScores = {
    /** Per probe, in the probes' order: 100 x the answer's per-token probability. */
    scores: number[];
    quality: AdvisorQuality;
    perLevel: Record<AdvisorLevel, AdvisorQuality>;
};

/**
 * Scores every probe by the log-likelihood of its expected answer after its prompt (one evaluation per
 * probe): 100 x exp(mean log-probability per answer token), so 100 means the model would write the answer
 * with certainty and the figures of different answer lengths compare.
 */
export async function scoreProbes(
    scorer: ProbeScorer, probes: readonly Probe[], rag: boolean, prompts: PromptSource, parameterCount: number, signal?: AbortSignal
): Promise<ProbeScores> {
    const scores: number[] = [];
    for (const probe of probes) {
        signal?.throwIfAborted();
        scores.push(await scoreProbe(scorer, probe, rag, prompts, parameterCount));
    }
    return { scores, ...summarizeScores(probes, scores) };
}

/** One probe's score: 100 x the expected answer's per-token probability after its prompt. */
export async function scoreProbe(scorer: ProbeScorer, probe: Probe, rag: boolean, prompts: PromptSource, parameterCount: number): Promise<number> {
    const model = { parameterCount, contextSize: scorer.contextSize, countTokens: (text: string) => scorer.model.tokenize(text).length };
    const prompt = await prompts.prompt(probe, rag, model);
    const likelihood = await scorer.likelihood(prompt.systemPrompt, prompt.userText, probe.answer);
    return 100 * likelihood.perTokenProbability;
}

/** The mean with its bootstrap interval, overall and per level. */
export function summarizeScores(probes: readonly Probe[], scores: readonly number[]): Omit<ProbeScores, "scores"> {
    const of = (values: readonly number[]): AdvisorQuality => {
        const [low, high] = bootstrapInterval(values);
        return { points: values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length, low, high };
    };
    const level = (name: AdvisorLevel) => of(scores.filter((_, i) => probes[i]!.level === name));
    return { quality: of(scores), perLevel: { easy: level("easy"), medium: level("medium"), hard: level("hard") } };
}
