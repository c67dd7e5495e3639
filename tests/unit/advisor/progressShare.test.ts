import { describe, expect, it } from "vitest";
import { progressShare } from "../../../src-main/advisor/run/progressShare.js";

describe("progressShare", () => {
    it("is the larger of the work done and the time used", () => {
        expect(progressShare(0.3, 10_000, 60)).toBeCloseTo(0.3);
        expect(progressShare(0.05, 30_000, 60)).toBeCloseTo(0.5);
    });
    it("never passes the end while a run that overran its budget still works, and reaches it when done", () => {
        // Seen in the soak: a one-minute run finishing its baseline scoring after 69 s reported 1.15.
        expect(progressShare(0.97, 69_000, 60)).toBe(0.99);
        expect(progressShare(0.3, 600_000, 60)).toBe(0.99);
        expect(progressShare(1, 75_000, 60)).toBe(1);
        expect(progressShare(1.2, 0, 60)).toBe(1);
        expect(progressShare(-1, -5, 60)).toBe(0);
    });
});
