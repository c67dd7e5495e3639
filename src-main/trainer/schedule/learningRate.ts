export type LearningRateSchedule = {
    peak: number;
    /** Share of the run spent warming up, by steps. */
    warmupFraction: number;
    /** The decay ends at peak * minFraction. */
    minFraction: number;
};

/**
 * Learning rate for a step: linear warmup over the first `warmupFraction` of the expected steps, then a
 * cosine decay to `minFraction` of the peak. `progress` is how far the run is (0..1, by time or steps,
 * whichever is further), so a time-budgeted run decays on schedule even when step times vary.
 * Never returns 0: ggml's AdamW asserts a positive rate.
 */
export function learningRateAt(schedule: LearningRateSchedule, step: number, expectedSteps: number, progress: number): number {
    const warmupSteps = Math.max(1, Math.ceil(schedule.warmupFraction * Math.max(1, expectedSteps)));
    const warmup = Math.min(1, (step + 1) / warmupSteps);
    const decayStart = Math.min(schedule.warmupFraction, 0.5);
    const decayProgress = Math.min(1, Math.max(0, (progress - decayStart) / (1 - decayStart)));
    const cosine = 0.5 * (1 + Math.cos(Math.PI * decayProgress));
    const decay = schedule.minFraction + (1 - schedule.minFraction) * cosine;
    return Math.max(schedule.peak * warmup * decay, Number.MIN_VALUE);
}
