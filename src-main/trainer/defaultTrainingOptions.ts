import os from "node:os";
import type { TrainingOptions } from "./types.js";

/** Options a caller must give: how long and on how many threads. Everything else has a default. */
export type RequiredTrainingOptions = Pick<TrainingOptions, "budgetSeconds" | "threads">;

/** Defaults for LoRA on a quantized 1B-class model on a laptop CPU (DESIGN.md, trainer). */
export function withDefaultTrainingOptions(options: RequiredTrainingOptions & Partial<TrainingOptions>): TrainingOptions {
    const rank = options.rank ?? 8;
    const windowTokens = options.windowTokens ?? 512;
    return {
        rank,
        alpha: 2 * rank,
        targets: ["attn_q", "attn_v"],
        lastLayers: 0,
        windowTokens,
        // One batch per window is faster (the dequantized weights serve twice the tokens) and lets the
        // gradient reach earlier tokens through attention; halving it saves about 1 GB on a Llama 3
        // vocabulary (logits are batch x vocabulary), which counts on a machine with less than 16 GB.
        microBatchTokens: os.totalmem() >= 16 * 2 ** 30 ? windowTokens : 256,
        learningRate: 1e-4,
        warmupFraction: 0.05,
        minLearningRateFraction: 0.1,
        weightDecay: 0,
        validationFraction: 0.1,
        maxValidationWindows: 4,
        validationOverhead: 0.03,
        seed: 1,
        ...withoutUndefined(options),
        budgetSeconds: options.budgetSeconds,
        threads: options.threads
    };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
