import type { TrainingPoint } from "@common/contract";

/** A point in data space: optimizer step and loss. */
export type LossPoint = { step: number; loss: number };

export type LossSeries = { train: LossPoint[]; validation: LossPoint[] };

export type AxisTicks = { min: number; max: number; step: number; ticks: number[] };

export type ChartTick = { value: number; position: number; label: string };

export type ChartMarker = { x: number; y: number };

/** Everything the loss chart draws, in SVG user units; no DOM involved. */
export type LossChartLayout = {
    width: number;
    height: number;
    plot: { left: number; top: number; right: number; bottom: number };
    xTicks: ChartTick[];
    yTicks: ChartTick[];
    /** SVG path data; empty when the series has fewer than two points. */
    trainPath: string;
    validationPath: string;
    /** Dots: the last train point, and every validation point (validation runs only now and then). */
    trainMarkers: ChartMarker[];
    validationMarkers: ChartMarker[];
    empty: boolean;
};

/** Points drawn per line at most: more than the chart has pixels for adds nothing. */
export const maxPlottedPoints = 240;

const margin = { left: 48, right: 14, top: 12, bottom: 30 };

/** The two lines to draw, each without any point whose value is not a finite number. */
export function lossSeries(points: readonly TrainingPoint[]): LossSeries {
    const train: LossPoint[] = [];
    const validation: LossPoint[] = [];
    for (const point of points) {
        if (!Number.isFinite(point.step)) continue;
        if (Number.isFinite(point.trainLoss)) train.push({ step: point.step, loss: point.trainLoss });
        if (point.validationLoss !== null && Number.isFinite(point.validationLoss)) {
            validation.push({ step: point.step, loss: point.validationLoss });
        }
    }
    return { train, validation };
}

/** At most `limit` items, evenly spaced by position, the first and the last always kept. */
export function thinPoints<T>(items: readonly T[], limit: number): T[] {
    if (items.length <= limit) return [...items];
    if (limit < 2) return limit === 1 ? items.slice(-1) : [];
    const kept: T[] = [];
    const stride = (items.length - 1) / (limit - 1);
    for (let index = 0; index < limit; index++) kept.push(items[Math.round(index * stride)]!);
    return kept;
}

function niceStep(raw: number): number {
    const power = 10 ** Math.floor(Math.log10(raw));
    const fraction = raw / power;
    const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
}

/** Decimals needed to write multiples of `step` exactly (0.05 → 2, 5 → 0). */
export function stepDecimals(step: number): number {
    return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

/**
 * About `count` round tick values (1, 2 or 5 times a power of ten apart) whose range covers
 * [min, max]; a range of one value is widened so a flat line sits in the middle.
 */
export function niceTicks(min: number, max: number, count = 4, integer = false): AxisTicks {
    let low = Number.isFinite(min) ? min : 0;
    let high = Number.isFinite(max) ? max : low;
    if (high < low) [low, high] = [high, low];
    if (high - low < 1e-12) {
        const pad = integer ? 1 : Math.abs(low) * 0.05 || 0.5;
        low -= pad;
        high += pad;
    }
    let step = niceStep((high - low) / Math.max(1, count));
    if (integer) step = Math.max(1, step);
    const decimals = stepDecimals(step);
    const round = (value: number) => Number(value.toFixed(decimals));
    const first = round(Math.floor(low / step + 1e-9) * step);
    const last = round(Math.ceil(high / step - 1e-9) * step);
    const ticks: number[] = [];
    for (let index = 0; first + index * step <= last + step / 2; index++) ticks.push(round(first + index * step));
    return { min: first, max: last, step, ticks };
}

/** Places both loss lines, axes and ticks in a `width` × `height` box. */
export function layoutLossChart(points: readonly TrainingPoint[], width: number, height: number): LossChartLayout {
    const series = lossSeries(points);
    const train = thinPoints(series.train, maxPlottedPoints);
    const validation = thinPoints(series.validation, maxPlottedPoints);
    const all = [...train, ...validation];
    const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };

    // Steps count from zero, so the line grows to the right as training goes on.
    const lastStep = all.reduce((most, point) => Math.max(most, point.step), 0);
    const x = niceTicks(0, Math.max(1, lastStep), 5, true);
    const losses = all.map((point) => point.loss);
    const lowest = losses.length > 0 ? Math.min(...losses) : 0;
    const highest = losses.length > 0 ? Math.max(...losses) : 1;
    // A little room above and below, so the extremes never sit on the frame.
    const room = (highest - lowest) * 0.08;
    const y = niceTicks(lowest - room, highest + room, 4);

    const toX = (step: number) => plot.left + ((step - x.min) / (x.max - x.min)) * (plot.right - plot.left);
    const toY = (loss: number) => plot.bottom - ((loss - y.min) / (y.max - y.min)) * (plot.bottom - plot.top);
    const marker = (point: LossPoint): ChartMarker => ({ x: round1(toX(point.step)), y: round1(toY(point.loss)) });
    const path = (line: LossPoint[]) =>
        line.length < 2 ? "" : line.map((point, index) => `${index === 0 ? "M" : "L"}${round1(toX(point.step))},${round1(toY(point.loss))}`).join("");
    const yDecimals = stepDecimals(y.step);

    const lastTrain = train.at(-1);
    return {
        width,
        height,
        plot,
        xTicks: x.ticks.map((value) => ({ value, position: round1(toX(value)), label: value.toLocaleString("en-US") })),
        yTicks: y.ticks.map((value) => ({ value, position: round1(toY(value)), label: value.toFixed(yDecimals) })),
        trainPath: path(train),
        validationPath: path(validation),
        trainMarkers: lastTrain ? [marker(lastTrain)] : [],
        validationMarkers: validation.map(marker),
        empty: all.length === 0
    };
}

function round1(value: number): number {
    return Math.round(value * 10) / 10;
}

/** The chart in words, for screen readers (the SVG's description). */
export function describeLossChart(points: readonly TrainingPoint[]): string {
    const { train, validation } = lossSeries(points);
    const first = train[0];
    const last = train.at(-1);
    if (!first || !last) return "No training steps yet.";
    const parts = [
        first === last
            ? `Train loss ${first.loss.toFixed(2)} at step ${first.step}.`
            : `Train loss went from ${first.loss.toFixed(2)} at step ${first.step} to ${last.loss.toFixed(2)} at step ${last.step}.`
    ];
    const firstValidation = validation[0];
    const lastValidation = validation.at(-1);
    if (firstValidation && lastValidation) {
        parts.push(
            firstValidation === lastValidation
                ? `Validation loss ${firstValidation.loss.toFixed(2)} at step ${firstValidation.step}.`
                : `Validation loss went from ${firstValidation.loss.toFixed(2)} to ${lastValidation.loss.toFixed(2)} at step ${lastValidation.step}.`
        );
    }
    return parts.join(" ");
}
