/** The constant of Cormack et al. (2009): damps the weight of the very first ranks. */
export const defaultRrfK = 60;

export type FusedItem<Id> = {
    id: Id;
    /** Sum over lists of weight / (k + rank). */
    score: number;
    /** 1-based rank of the item in each input list, undefined where it is absent. */
    ranks: Array<number | undefined>;
};

/**
 * Reciprocal rank fusion: combines ranked lists whose scores are not comparable (BM25, cosine) by rank
 * alone. Ties are broken by the best single rank, then by the earlier list, so the order is deterministic.
 */
export function reciprocalRankFusion<Id>(
    lists: ReadonlyArray<readonly Id[]>, options: { k?: number; weights?: readonly number[] } = {}
): Array<FusedItem<Id>> {
    const k = options.k ?? defaultRrfK;
    const fused = new Map<Id, FusedItem<Id>>();
    lists.forEach((list, listIndex) => {
        const weight = options.weights?.[listIndex] ?? 1;
        list.forEach((id, index) => {
            let item = fused.get(id);
            if (item === undefined) {
                item = { id, score: 0, ranks: lists.map(() => undefined) };
                fused.set(id, item);
            }
            if (item.ranks[listIndex] !== undefined) return; // a list naming an id twice counts it once
            item.ranks[listIndex] = index + 1;
            item.score += weight / (k + index + 1);
        });
    });
    return [...fused.values()].sort((a, b) => b.score - a.score || bestRank(a) - bestRank(b) || firstList(a) - firstList(b));
}

function bestRank(item: FusedItem<unknown>): number {
    return Math.min(...item.ranks.map((rank) => rank ?? Number.POSITIVE_INFINITY));
}

function firstList(item: FusedItem<unknown>): number {
    return item.ranks.findIndex((rank) => rank !== undefined);
}
