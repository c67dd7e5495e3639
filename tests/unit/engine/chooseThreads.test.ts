import { describe, expect, it } from "vitest";
import { chooseThreads } from "../../../src-main/engine/chooseThreads.js";

describe("chooseThreads", () => {
    it("uses all math cores by default", () => expect(chooseThreads(2)).toBe(2));
    it("never exceeds the cores, because oversubscription collapses llama.cpp throughput", () => {
        expect(chooseThreads(2, 4)).toBe(2);
        expect(chooseThreads(8, 16)).toBe(8);
    });
    it("honours a smaller request and ignores nonsense", () => {
        expect(chooseThreads(8, 3)).toBe(3);
        expect(chooseThreads(4, 0)).toBe(4);
        expect(chooseThreads(4, Number.NaN)).toBe(4);
        expect(chooseThreads(0)).toBe(1);
    });
});
