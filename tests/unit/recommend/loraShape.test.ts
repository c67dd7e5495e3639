import { describe, expect, it } from "vitest";
import { adaptedLayerCount, loraRankFor } from "../../../src-main/recommend/loraShape.js";

describe("LoRA shape rules (shared by the wizard and Personalize)", () => {
    it.each([
        [10_000, 8], [499_999, 8], [500_000, 16], [4_999_999, 16], [5_000_000, 32], [1e9, 32]
    ])("%i tokens of documents get rank %i", (tokens, rank) => {
        expect(loraRankFor(tokens)).toBe(rank);
    });

    it.each([
        [1, 1], [2, 2], [4, 2], [16, 4], [28, 7], [32, 8], [36, 9]
    ])("a %i-layer model adapts its last %i layers", (layers, count) => {
        expect(adaptedLayerCount(layers)).toBe(count);
    });
});
