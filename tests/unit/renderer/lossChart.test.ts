import type { TrainingPoint } from "@common/contract";
import { describe, expect, it } from "vitest";
import {
    describeLossChart, layoutLossChart, lossSeries, maxPlottedPoints, niceTicks, stepDecimals, thinPoints
} from "../../../src-renderer/lib/format/index.js";

const point = (step: number, trainLoss: number, validationLoss: number | null = null): TrainingPoint => ({
    step, elapsedSeconds: step, trainLoss, validationLoss
});

/** Every number in an SVG path's data. */
const pathNumbers = (path: string) => path.split(/[ML,]/).filter(Boolean).map(Number);

describe("loss chart", () => {
    it("splits points into train and validation lines and drops values that are not finite numbers", () => {
        const series = lossSeries([point(1, 7.9, 8), point(2, Number.NaN), point(3, 7.5, Number.POSITIVE_INFINITY), point(4, 7.2, 7.4)]);
        expect(series.train).toEqual([{ step: 1, loss: 7.9 }, { step: 3, loss: 7.5 }, { step: 4, loss: 7.2 }]);
        expect(series.validation).toEqual([{ step: 1, loss: 8 }, { step: 4, loss: 7.4 }]);
    });

    it("thins long lines evenly to the limit, keeping the first and last point", () => {
        const items = Array.from({ length: 1000 }, (_, index) => index);
        const thinned = thinPoints(items, 10);
        expect(thinned).toHaveLength(10);
        expect(thinned[0]).toBe(0);
        expect(thinned.at(-1)).toBe(999);
        expect(thinned.every((value, index) => index === 0 || value > thinned[index - 1]!)).toBe(true);
        expect(thinPoints([1, 2, 3], 10)).toEqual([1, 2, 3]);
        expect(thinPoints([1, 2, 3], 1)).toEqual([3]);
    });

    it("picks round ticks that cover the range, and widens a range of one value around it", () => {
        const ticks = niceTicks(7.23, 7.91, 4);
        expect(ticks.step).toBe(0.2);
        expect(ticks.ticks).toEqual([7.2, 7.4, 7.6, 7.8, 8]);
        expect(ticks.min).toBeLessThanOrEqual(7.23);
        expect(ticks.max).toBeGreaterThanOrEqual(7.91);

        const flat = niceTicks(5, 5, 4);
        expect(flat.min).toBeLessThan(5);
        expect(flat.max).toBeGreaterThan(5);
        expect(flat.ticks.length).toBeGreaterThanOrEqual(2);

        const steps = niceTicks(0, 3, 5, true);
        expect(steps.ticks).toEqual([0, 1, 2, 3]);
        expect(steps.ticks.every(Number.isInteger)).toBe(true);
        expect(stepDecimals(0.05)).toBe(2);
        expect(stepDecimals(5)).toBe(0);
    });

    it("draws nothing but a waiting note before the first step, with finite coordinates", () => {
        const layout = layoutLossChart([], 640, 240);
        expect(layout.empty).toBe(true);
        expect(layout.trainPath).toBe("");
        expect(layout.trainMarkers).toEqual([]);
        expect([...layout.xTicks, ...layout.yTicks].every((tick) => Number.isFinite(tick.position))).toBe(true);
    });

    it("shows a single point as a dot inside the plot, not as a line", () => {
        const layout = layoutLossChart([point(1, 7.5, 7.6)], 640, 240);
        expect(layout.empty).toBe(false);
        expect(layout.trainPath).toBe("");
        expect(layout.trainMarkers).toHaveLength(1);
        expect(layout.validationMarkers).toHaveLength(1);
        const [dot] = layout.trainMarkers;
        expect(dot!.x).toBeGreaterThan(layout.plot.left);
        expect(dot!.x).toBeLessThanOrEqual(layout.plot.right);
        expect(dot!.y).toBeGreaterThan(layout.plot.top);
        expect(dot!.y).toBeLessThan(layout.plot.bottom);
    });

    it("draws a flat line across the middle of the plot instead of dividing by zero", () => {
        const layout = layoutLossChart([point(1, 6), point(2, 6), point(3, 6)], 640, 240);
        const numbers = pathNumbers(layout.trainPath);
        expect(numbers).toHaveLength(6);
        expect(numbers.every(Number.isFinite)).toBe(true);
        const ys = numbers.filter((_, index) => index % 2 === 1);
        expect(new Set(ys).size).toBe(1);
        expect(ys[0]).toBeGreaterThan(layout.plot.top);
        expect(ys[0]).toBeLessThan(layout.plot.bottom);
    });

    it("places falling loss lower on the chart, later steps further right, both lines in one scale", () => {
        const layout = layoutLossChart([point(1, 8, 8.2), point(2, 7.5), point(3, 7, 7.4)], 640, 240);
        const train = pathNumbers(layout.trainPath);
        const xs = train.filter((_, index) => index % 2 === 0);
        const ys = train.filter((_, index) => index % 2 === 1);
        expect(xs[0]).toBeLessThan(xs[1]!);
        expect(xs[1]).toBeLessThan(xs[2]!);
        expect(ys[0]).toBeLessThan(ys[2]!);
        expect(pathNumbers(layout.validationPath)).toHaveLength(4);
        // The highest value on the chart (validation 8.2) sits at or below the top tick.
        const top = Math.max(...layout.yTicks.map((tick) => tick.value));
        expect(top).toBeGreaterThanOrEqual(8.2);
        expect(layout.yTicks.map((tick) => tick.label)).toContain("8.0");
    });

    it("never plots more than the limit however long the run", () => {
        const points = Array.from({ length: 2000 }, (_, index) => point(index + 1, 8 - index / 1000, index % 50 === 0 ? 8 : null));
        const layout = layoutLossChart(points, 640, 240);
        expect(pathNumbers(layout.trainPath).length / 2).toBe(maxPlottedPoints);
        expect(layout.xTicks.at(-1)!.value).toBeGreaterThanOrEqual(2000);
    });

    it("describes the lines in words for screen readers", () => {
        expect(describeLossChart([])).toBe("No training steps yet.");
        expect(describeLossChart([point(1, 7.9)])).toBe("Train loss 7.90 at step 1.");
        expect(describeLossChart([point(1, 7.9, 8.0), point(10, 7.234, 7.5)])).toBe(
            "Train loss went from 7.90 at step 1 to 7.23 at step 10. Validation loss went from 8.00 to 7.50 at step 10."
        );
    });
});
