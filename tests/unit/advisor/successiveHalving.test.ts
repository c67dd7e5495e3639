import { describe, expect, it } from "vitest";
import { halvingPolicy } from "../../../src-main/advisor/search/halvingPolicy.js";
import { successiveHalving } from "../../../src-main/advisor/search/successiveHalving.js";

/** A made-up landscape: each arm's quality rises towards its ceiling as it learns, at its own speed. */
type Arm = { name: string; start: number; ceiling: number; tau: number };
const quality = (arm: Arm, seconds: number) => arm.start + (arm.ceiling - arm.start) * (1 - Math.exp(-seconds / arm.tau));

function landscape(count: number, seed: number): Arm[] {
    let state = seed;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    return Array.from({ length: count }, (_, i) => ({ name: `arm${String(i)}`, start: 20 + 10 * random(), ceiling: 30 + 40 * random(), tau: 60 + 400 * random() }));
}

describe("successiveHalving", () => {
    const rungs = [30, 60, 120, 240, 480];

    it.each([1, 2, 3, 4, 5, 6, 7, 8])("finds an arm within 2 points of the best at most a quarter of a full sweep's learning time (landscape %i)", async (seed) => {
        const arms = landscape(12, seed);
        const trained = new Map<Arm, number>();
        let cost = 0;
        const result = await successiveHalving({
            arms, rungs, baseline: (arm) => arm.start, bestWithoutLearning: 25,
            advance: async (arm, index) => {
                cost += rungs[index]! - (trained.get(arm) ?? 0);
                trained.set(arm, rungs[index]!);
                return quality(arm, rungs[index]!);
            }
        });
        const sweepCost = arms.length * rungs.at(-1)!;
        const sweepBest = Math.max(...arms.flatMap((arm) => rungs.map((t) => quality(arm, t))));
        const found = Math.max(...[...result.curves.values()].flat());
        expect(sweepBest - found).toBeLessThanOrEqual(2);
        expect(cost / sweepCost).toBeLessThanOrEqual(0.25);
    });

    it("drops every learning arm early when none can come near what no learning already reached", async () => {
        const arms = landscape(6, 3).map((arm) => ({ ...arm, ceiling: arm.start + 3 }));
        const reached: number[] = [];
        const result = await successiveHalving({
            arms, rungs, baseline: (arm) => arm.start, bestWithoutLearning: 90,
            advance: async (arm, index) => {
                reached.push(index);
                return quality(arm, rungs[index]!);
            }
        });
        expect(Math.max(...reached)).toBe(0);
        expect(result.pruned.every((p) => p.reason === "cannot catch up" && p.afterRung === 0)).toBe(true);
    });

    it("with the recommendation's tie given, stops arms that learning leaves level with the best setup without learning, and keeps one that could pass it", async () => {
        // Learning adds about nothing on top of searching (the starter model's case): level arms stop after the first rung.
        const level = landscape(4, 5).map((arm) => ({ ...arm, start: 7, ceiling: 7.2, tau: 100 }));
        const rising = { name: "rising", start: 7, ceiling: 20, tau: 200 };
        const reached = new Map<Arm, number>();
        const result = await successiveHalving({
            arms: [...level, rising], rungs, baseline: (arm) => arm.start, bestWithoutLearning: 7, mustBeatWithoutLearningBy: 1,
            advance: async (arm, index) => {
                reached.set(arm, index);
                return quality(arm, rungs[index]!);
            }
        });
        for (const arm of level) expect(reached.get(arm)).toBe(0);
        expect(reached.get(rising)).toBe(rungs.length - 1);
        expect(result.pruned.filter((p) => p.reason === "cannot beat without learning")).toHaveLength(level.length);
    });

    it("the benchmark's sweep takes every arm to every rung however level the landscape, while the Advisor's search stops level arms at once", async () => {
        const level = landscape(4, 5).map((arm) => ({ ...arm, start: 7, ceiling: 7.2, tau: 100 }));
        const run = async (mode: "search" | "sweep") => {
            let steps = 0;
            const result = await successiveHalving({
                arms: level, rungs, baseline: (arm) => arm.start, bestWithoutLearning: 9, ...halvingPolicy(mode),
                advance: async (arm, index) => {
                    steps++;
                    return quality(arm, rungs[index]!);
                }
            });
            return { steps, pruned: result.pruned.length };
        };
        expect(await run("sweep")).toEqual({ steps: level.length * rungs.length, pruned: 0 });
        expect(await run("search")).toEqual({ steps: level.length, pruned: level.length });
    });

    it("keeps at least two arms per round while they are close", async () => {
        const arms = landscape(3, 9).map((arm, i) => ({ ...arm, start: 30, ceiling: 60 + i, tau: 200 }));
        const result = await successiveHalving({
            arms, rungs, baseline: (arm) => arm.start, bestWithoutLearning: 30,
            advance: async (arm, index) => quality(arm, rungs[index]!)
        });
        const finishers = [...result.curves.values()].filter((curve) => curve.length === rungs.length);
        expect(finishers.length).toBe(2);
    });

    it("stops when asked, keeping what it measured", async () => {
        let calls = 0;
        const result = await successiveHalving({
            arms: landscape(5, 1), rungs, baseline: (arm) => arm.start, bestWithoutLearning: 0,
            advance: async (arm, index) => {
                calls++;
                return quality(arm, rungs[index]!);
            },
            shouldStop: () => calls >= 3
        });
        expect(result.stopped).toBe(true);
        expect([...result.curves.values()].flat()).toHaveLength(3);
    });
});
