import type { Probe } from "../types.js";
import type { AdvisorPlan } from "./types.js";

/**
 * How an Advisor run spends its time budget, so that it ends when the person was told it would:
 * - the chat model writes medium questions during the first `questionWriting` of the budget (templates after);
 * - the setups without learning are scored until `baselines` of the budget has passed, on as many questions as fit
 *   (the same ones on every setup), leaving the rest for learning when learning fits, and otherwise for the check
 *   by letting the best setups answer, which stops at the end of the budget;
 * - learning steps start only when they will end before `learningEnds` of the budget, leaving the check its share.
 */
export const budgetShares = { questionWriting: 0.15, baselinesBeforeLearning: 0.35, baselinesWithoutLearning: 0.85, learningEnds: 0.92 } as const;

/** Fewer questions than this and the figures say nothing: they are scored even when the budget runs short. */
export const minimumProbes = 6;

/**
 * The probes in the order they are scored: one level after the other in turn (easy, medium, hard, easy, …),
 * so that a run stopped by its budget after any number of them has asked about every level alike.
 */
export function interleaveLevels(probes: readonly Probe[]): Probe[] {
    const byLevel = (["easy", "medium", "hard"] as const).map((level) => probes.filter((probe) => probe.level === level));
    const ordered: Probe[] = [];
    for (let i = 0; ordered.length < probes.length; i++) for (const list of byLevel) if (list[i] !== undefined) ordered.push(list[i]!);
    return ordered;
}

/**
 * Whether the first setup scored may take one more question: at its pace so far (`elapsedMs` for `scored`
 * questions), that question and the same number of questions on each of `otherSetups` must end within `msLeft`.
 */
export function oneMoreProbeFits(input: { scored: number; elapsedMs: number; msLeft: number; otherSetups: number; minimum?: number }): boolean {
    const { scored, elapsedMs, msLeft, otherSetups } = input;
    if (scored < (input.minimum ?? minimumProbes)) return true;
    const perProbe = elapsedMs / Math.max(1, scored);
    return perProbe * (1 + (scored + 1) * otherSetups) <= msLeft;
}

/** A learning run shorter than this teaches nothing measurable; below it the Advisor measures without learning. */
export const minFirstRungSeconds = 15;
/** Learning time after each rung, as shares of the longest: the points of the quality-vs-time curves. */
export const rungShares = [1 / 8, 1 / 4, 1 / 2, 1] as const;

/**
 * The longest learning time that fits the time left: successive halving trains every arm for an eighth of it
 * and, in the worst case, two arms the rest of the way; scoring after each rung takes about as long again.
 * The sweep trains every arm all the way.
 */
export function plannedLearningSeconds(secondsLeft: number, arms: number, mode: AdvisorPlan["mode"]): number {
    if (arms === 0) return 0;
    const trainingShare = 0.6;
    const units = mode === "sweep" ? arms : arms * rungShares[0] + 2 * (1 - rungShares[0]);
    return Math.max(0, (secondsLeft * trainingShare) / units);
}

/** The smallest budget in which learning is planned: its first rung is long enough once the setups without learning had their share. */
export function learningBudgetSeconds(arms: number, mode: AdvisorPlan["mode"]): number {
    const perSecondOfBudget = plannedLearningSeconds(budgetShares.learningEnds - budgetShares.baselinesBeforeLearning, arms, mode) * rungShares[0];
    return perSecondOfBudget > 0 ? minFirstRungSeconds / perSecondOfBudget : Number.POSITIVE_INFINITY;
}
