import { describe, expect, it } from "vitest";
import { LossCurve } from "../../../src-main/personalize/LossCurve.js";

describe("LossCurve", () => {
    it("keeps every step of a short run, with a validation drawn on the step after which it ran", () => {
        const curve = new LossCurve(10);
        curve.add({ step: 1, elapsedSeconds: 1, trainLoss: 5 }, 6);
        curve.add({ step: 2, elapsedSeconds: 2, trainLoss: 4.5 }, null);
        curve.add({ step: 3, elapsedSeconds: 3, trainLoss: 4 }, 5.5);
        expect(curve.points).toEqual([
            { step: 1, elapsedSeconds: 1, trainLoss: 5, validationLoss: 6 },
            { step: 2, elapsedSeconds: 2, trainLoss: 4.5, validationLoss: 5.5 },
            { step: 3, elapsedSeconds: 3, trainLoss: 4, validationLoss: null }
        ]);
    });

    it("never holds more than its limit on a long run, spread over the whole run, first and last steps included", () => {
        const curve = new LossCurve(300);
        for (let step = 1; step <= 10_000; step++) curve.add({ step, elapsedSeconds: step, trainLoss: 10 - step / 2000 }, step % 97 === 0 ? 1 : null);
        const points = curve.points;
        expect(points.length).toBeLessThanOrEqual(300);
        expect(points.length).toBeGreaterThan(100);
        expect(points[0]?.step).toBe(1);
        expect(points.at(-1)?.step).toBeGreaterThan(9_900);
        const steps = points.map((point) => point.step);
        expect(steps).toEqual([...steps].sort((a, b) => a - b));
        // No gap is much wider than an even spread would give.
        const gaps = steps.slice(1).map((step, i) => step - (steps[i] ?? 0));
        expect(Math.max(...gaps)).toBeLessThanOrEqual(4 * (10_000 / 300));
    });

    it("hands out copies, so a later validation does not change a report already sent", () => {
        const curve = new LossCurve(10);
        curve.add({ step: 1, elapsedSeconds: 1, trainLoss: 5 }, null);
        const sent = curve.points;
        curve.add({ step: 2, elapsedSeconds: 2, trainLoss: 4 }, 4.2);
        expect(sent[0]?.validationLoss).toBeNull();
        expect(curve.points[0]?.validationLoss).toBe(4.2);
    });

    it("draws the run's final validation on the last step's point, or on a new point when that step was thinned out", () => {
        const curve = new LossCurve(10);
        curve.add({ step: 1, elapsedSeconds: 1, trainLoss: 5 }, null);
        curve.add({ step: 2, elapsedSeconds: 2, trainLoss: 4 }, null);
        curve.addFinalValidation({ step: 2, elapsedSeconds: 2.5, trainLoss: 4 }, 4.4);
        expect(curve.points.at(-1)).toEqual({ step: 2, elapsedSeconds: 2, trainLoss: 4, validationLoss: 4.4 });
        curve.addFinalValidation({ step: 5, elapsedSeconds: 6, trainLoss: 3.5 }, 4.1);
        expect(curve.points.at(-1)).toEqual({ step: 5, elapsedSeconds: 6, trainLoss: 3.5, validationLoss: 4.1 });
        expect(curve.points).toHaveLength(3);
        // A report from before the last point changes nothing.
        curve.addFinalValidation({ step: 1, elapsedSeconds: 1, trainLoss: 5 }, 9);
        expect(curve.points.map((point) => point.validationLoss)).toEqual([null, 4.4, 4.1]);
    });
});
