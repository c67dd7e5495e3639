export type HalvingOptions<Arm> = {
    arms: readonly Arm[];
    /** Learning time after each rung, in seconds, increasing; the last is the full budget. */
    rungs: readonly number[];
    /** Quality (points, 0-100) of an arm before any learning: where its learning curve starts. */
    baseline: (arm: Arm) => number;
    /** Trains the arm on to rung `index` (from where it stopped) and returns its quality there. */
    advance: (arm: Arm, index: number) => Promise<number>;
    /** The best quality reached without learning (cheap methods scored first). */
    bestWithoutLearning: number;
    /** Arms kept per rung: a third (eta 3), at least `minSurvivors`. */
    eta?: number;
    minSurvivors?: number;
    /** Points an arm may be below the best and still be worth finding (the Advisor's tolerance). */
    margin?: number;
    /**
     * Points by which learning must beat `bestWithoutLearning` to be chosen at all (the recommendation
     * prefers the cheaper setup within this tie): an arm whose optimistic projection cannot get past it
     * could never be recommended, so it stops. Default 0 (off).
     */
    mustBeatWithoutLearningBy?: number;
    /** Stops early, before `arm` learns on to rung `index` (a cancel, or no time left for it); what was measured so far stands. */
    shouldStop?: (arm: Arm, index: number) => boolean;
};

export type HalvingResult<Arm> = {
    /** Quality of each arm at each rung it reached. */
    curves: Map<Arm, number[]>;
    /** Why arms stopped before the last rung. */
    pruned: Array<{ arm: Arm; afterRung: number; reason: "cannot catch up" | "cannot beat without learning" | "outranked" }>;
    stopped: boolean;
};

/**
 * Successive halving with learning time as the resource: every arm learns for the first rung, then only
 * the best third (never fewer than two) go on to the next, and so on. An arm is also dropped when even an
 * optimistic straight-line extension of its learning curve to the full budget stays more than `margin`
 * points below the best quality seen (learning curves flatten, so the straight line overestimates), or
 * cannot get past the best quality without learning by the recommendation's tie, when one is given. The
 * points measured along the way are the quality-vs-learning-time curves the person sees.
 */
export async function successiveHalving<Arm>(options: HalvingOptions<Arm>): Promise<HalvingResult<Arm>> {
    const { rungs, baseline, advance } = options;
    const eta = options.eta ?? 3;
    const minSurvivors = options.minSurvivors ?? 2;
    const margin = options.margin ?? 2;
    const threshold = options.bestWithoutLearning + (options.mustBeatWithoutLearningBy ?? 0);
    const curves = new Map<Arm, number[]>();
    const pruned: HalvingResult<Arm>["pruned"] = [];
    const full = rungs.at(-1) ?? 0;
    let alive = [...options.arms];
    let best = options.bestWithoutLearning;

    for (const [index, seconds] of rungs.entries()) {
        for (const arm of alive) {
            if (options.shouldStop?.(arm, index)) return { curves, pruned, stopped: true };
            const quality = await advance(arm, index);
            curves.set(arm, [...(curves.get(arm) ?? []), quality]);
            best = Math.max(best, quality);
        }
        if (index === rungs.length - 1) break;

        const previousSeconds = index === 0 ? 0 : rungs[index - 1]!;
        const hopeful = alive.filter((arm) => {
            const curve = curves.get(arm)!;
            const now = curve[index]!;
            const before = index === 0 ? baseline(arm) : curve[index - 1]!;
            const slope = Math.max(0, (now - before) / Math.max(seconds - previousSeconds, 1e-9));
            const projected = now + slope * (full - seconds);
            if (projected < best - margin) pruned.push({ arm, afterRung: index, reason: "cannot catch up" });
            else if (options.mustBeatWithoutLearningBy !== undefined && projected <= threshold)
                pruned.push({ arm, afterRung: index, reason: "cannot beat without learning" });
            else return true;
            return false;
        });
        const keep = Math.max(minSurvivors, Math.ceil(alive.length / eta));
        const ranked = [...hopeful].sort((a, b) => curves.get(b)![index]! - curves.get(a)![index]!);
        for (const arm of ranked.slice(keep)) pruned.push({ arm, afterRung: index, reason: "outranked" });
        alive = ranked.slice(0, keep);
        if (alive.length === 0) break;
    }
    return { curves, pruned, stopped: false };
}
