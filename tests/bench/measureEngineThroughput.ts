import type { Token } from "node-llama-cpp";
import { Engine } from "../../src-main/engine/Engine.js";

export type EngineThroughput = {
    threads: number;
    prefillTokensPerSecond: number;
    decodeTokensPerSecond: number;
};

/**
 * Prefill and decode speed through Locus's own Engine (the path chat uses), shaped like llama-bench's
 * pp/tg tests: a prompt of random tokens evaluated in one go, then tokens generated one at a time
 * from an empty context, each averaged over `repetitions` after a warm-up.
 */
export async function measureEngineThroughput(
    modelPath: string,
    options: { threads?: number; prompt?: number; gen?: number; repetitions?: number } = {}
): Promise<EngineThroughput> {
    const { prompt = 512, gen = 128, repetitions = 3 } = options;
    const engine = new Engine({ gpu: false, contextSize: prompt + gen, batchSize: 512, ...(options.threads ? { threads: options.threads } : {}) });
    try {
        await engine.load("bench", modelPath);
        const { sequence } = engine.requireLoaded();
        // Ordinary text tokens (ids 1000-30999 exist in every tokenizer we test), like llama-bench's random prompt.
        let seed = 1;
        const randomTokens = (count: number) => Array.from({ length: count }, () => {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            return (1000 + (seed % 30000)) as Token;
        });

        const prefill = async () => {
            await sequence.clearHistory();
            const tokens = randomTokens(prompt);
            const start = performance.now();
            await sequence.evaluateWithoutGeneratingNewTokens(tokens);
            return prompt / ((performance.now() - start) / 1000);
        };
        const decode = async () => {
            await sequence.clearHistory();
            let produced = 0;
            const start = performance.now();
            for await (const _token of sequence.evaluate(randomTokens(1))) {
                if (++produced >= gen) break;
            }
            return gen / ((performance.now() - start) / 1000);
        };

        await prefill();
        const prefills: number[] = [];
        for (let i = 0; i < repetitions; i++) prefills.push(await prefill());
        await decode();
        const decodes: number[] = [];
        for (let i = 0; i < repetitions; i++) decodes.push(await decode());
        return { threads: engine.threads, prefillTokensPerSecond: mean(prefills), decodeTokensPerSecond: mean(decodes) };
    } finally {
        await engine.dispose();
    }
}

function mean(values: number[]): number {
    return values.reduce((a, b) => a + b, 0) / values.length;
}
