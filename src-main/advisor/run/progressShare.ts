/**
 * How far an Advisor run is, 0..1: the larger of its share of the work and its share of the time budget.
 * A run that overruns its budget (it finishes what it is measuring first) stays just short of 1 until it is
 * done, so its progress bar never passes the end while it still works.
 */
export function progressShare(workShare: number, elapsedMs: number, budgetSeconds: number): number {
    const work = Math.min(1, Math.max(0, workShare));
    const time = budgetSeconds > 0 ? Math.min(0.99, Math.max(0, elapsedMs / (budgetSeconds * 1000))) : 0;
    return Math.max(work, time);
}
