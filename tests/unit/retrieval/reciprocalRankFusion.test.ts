import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "../../../src-main/retrieval/reciprocalRankFusion.js";

describe("reciprocalRankFusion", () => {
    it("ranks an item found by both lists above items found by one", () => {
        const fused = reciprocalRankFusion([["a", "b", "c"], ["d", "c", "e"]]);
        expect(fused[0]!.id).toBe("c");
        expect(fused[0]!.score).toBeCloseTo(1 / 63 + 1 / 62, 12);
        expect(fused[0]!.ranks).toEqual([3, 2]);
    });

    it("scores by 1 / (k + rank) with k = 60 by default, and honours another k", () => {
        expect(reciprocalRankFusion([["x"]])[0]!.score).toBeCloseTo(1 / 61, 12);
        expect(reciprocalRankFusion([["x"]], { k: 1 })[0]!.score).toBeCloseTo(1 / 2, 12);
    });

    it("breaks ties deterministically: best single rank, then the earlier list", () => {
        expect(reciprocalRankFusion([["a", "b"], ["c", "d"]]).map((item) => item.id)).toEqual(["a", "c", "b", "d"]);
    });

    it("applies per-list weights", () => {
        const fused = reciprocalRankFusion([["a"], ["b"]], { weights: [1, 2] });
        expect(fused.map((item) => item.id)).toEqual(["b", "a"]);
    });

    it("counts an id listed twice in one list once, at its best rank", () => {
        const fused = reciprocalRankFusion([["a", "a", "b"]]);
        expect(fused.map((item) => [item.id, item.ranks[0]])).toEqual([["a", 1], ["b", 3]]);
    });

    it("returns nothing for empty lists", () => {
        expect(reciprocalRankFusion([[], []])).toEqual([]);
    });
});
