import { seededRandom } from "../../trainer/data/seededRandom.js";

/**
 * The 95% bootstrap confidence interval of a mean: the probes are resampled with replacement `rounds`
 * times (seeded, so the same figures give the same interval), and the 2.5th and 97.5th percentiles of the
 * resampled means are returned.
 */
export function bootstrapInterval(values: readonly number[], rounds = 1000, seed = 1): [number, number] {
    if (values.length === 0) return [Number.NaN, Number.NaN];
    if (values.length === 1) return [values[0]!, values[0]!];
    const random = seededRandom(seed);
    const means: number[] = [];
    for (let round = 0; round < rounds; round++) {
        let sum = 0;
        for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)]!;
        means.push(sum / values.length);
    }
    means.sort((a, b) => a - b);
    return [means[Math.floor(0.025 * (rounds - 1))]!, means[Math.ceil(0.975 * (rounds - 1))]!];
}
