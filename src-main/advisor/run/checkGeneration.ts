import type { Llama } from "node-llama-cpp";
import { containsSpans } from "../score/containsSpans.js";
import { ProbeScorer } from "../score/ProbeScorer.js";
import type { Probe } from "../types.js";
import type { PromptSource } from "./PromptSource.js";
import type { AdvisorDeps, MeasuredConfig } from "./types.js";

/** How many of the best configurations are also checked by letting them answer. */
const checked = 3;

/**
 * Confirms the likelihood scores on a sample: the best configurations (and the best without learning, for
 * comparison) answer a sample of probes greedily, as in chat; an answer is right when it states every
 * expected span. Time to first token and decode speed are measured on the same answers. It stops at `until`
 * (the end of the time budget): a configuration keeps the answers it gave by then, and none without any.
 */
export async function checkGeneration(input: {
    llama: Llama; deps: AdvisorDeps; configs: MeasuredConfig[]; probes: readonly Probe[]; prompts: PromptSource; sample: number;
    until: number; now: () => number;
}): Promise<void> {
    const { configs, probes } = input;
    const ranked = [...configs].filter((c) => !c.forgetting?.flagged).sort((a, b) => b.quality.points - a.quality.points);
    const chosen = new Set(ranked.slice(0, checked));
    const bestPlain = ranked.find((c) => c.method === "none" || c.method === "rag");
    if (bestPlain != null) chosen.add(bestPlain);
    const sample = spread(probes, input.sample);
    const byModel = new Map<string, MeasuredConfig[]>();
    for (const config of chosen) byModel.set(config.modelPath, [...(byModel.get(config.modelPath) ?? []), config]);
    const outOfTime = () => input.now() >= input.until;
    for (const [modelPath, list] of byModel) {
        if (outOfTime()) return;
        const scorer = await ProbeScorer.open(input.llama, modelPath, { threads: input.deps.threads, contextSize: 4096, gpu: input.deps.gpu });
        try {
            for (const config of list) {
                if (outOfTime()) return;
                await scorer.useAdapter(config.adapterPath);
                let right = 0;
                let ttft = 0;
                let speed = 0;
                let answered = 0;
                const parameterCount = scorer.model.fileInsights.totalParameters;
                for (const probe of sample) {
                    if (outOfTime()) break;
                    const rag = config.method === "rag" || config.method === "rag+lora";
                    const prompt = await input.prompts.prompt(probe, rag, { parameterCount, contextSize: scorer.contextSize, countTokens: (t) => scorer.model.tokenize(t).length });
                    const answer = await scorer.generate(prompt.systemPrompt, prompt.userText, 64);
                    if (containsSpans(answer.text, probe.spans)) right++;
                    ttft += answer.timeToFirstTokenMs;
                    speed += answer.tokensPerSecond;
                    answered++;
                }
                if (answered > 0) config.generation = { accuracy: right / answered, sample: answered, timeToFirstTokenMs: ttft / answered, tokensPerSecond: speed / answered };
            }
        } finally {
            await scorer.dispose();
        }
    }
}

/** Up to `count` probes taken evenly across the list (and so across the levels). */
function spread(probes: readonly Probe[], count: number): Probe[] {
    if (probes.length <= count) return [...probes];
    return Array.from({ length: count }, (_, i) => probes[Math.floor((i * probes.length) / count)]!);
}
