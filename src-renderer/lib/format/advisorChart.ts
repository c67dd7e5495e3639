import type { AdvisorConfig, AdvisorMethod } from "@common/contract";
import { niceTicks, type ChartTick } from "./lossChart.js";

export type AdvisorSeries = { method: AdvisorMethod; label: string; points: { seconds: number; points: number }[] };

export type AdvisorChartLayout = {
    width: number;
    height: number;
    plot: { left: number; top: number; right: number; bottom: number };
    xTicks: ChartTick[];
    yTicks: ChartTick[];
    lines: { method: AdvisorMethod; label: string; path: string; markers: { x: number; y: number }[] }[];
    empty: boolean;
};

const margin = { left: 40, right: 14, top: 12, bottom: 30 };
const labels: Record<AdvisorMethod, string> = { none: "No library", rag: "Search (RAG)", lora: "Learned (LoRA)", "rag+lora": "Search + learned" };

/**
 * Quality against learning time, one line per method: the methods without learning are flat (they learn
 * nothing), the learning methods follow the arm (model file and share of documents) that did best, starting
 * from its quality before learning. Only configurations that do not forget are drawn.
 */
export function advisorSeries(configs: readonly AdvisorConfig[]): AdvisorSeries[] {
    const usable = configs.filter((config) => !config.forgetting?.flagged && Number.isFinite(config.quality.points));
    const best = (method: AdvisorMethod) => usable.filter((c) => c.method === method).reduce<AdvisorConfig | null>((top, c) => (top == null || c.quality.points > top.quality.points ? c : top), null);
    const longest = Math.max(0, ...usable.map((config) => config.learningSeconds));
    const series: AdvisorSeries[] = [];
    for (const method of ["none", "rag"] as const) {
        const top = best(method);
        if (top != null) series.push({ method, label: labels[method], points: [{ seconds: 0, points: top.quality.points }, { seconds: longest, points: top.quality.points }] });
    }
    for (const method of ["lora", "rag+lora"] as const) {
        const top = best(method);
        if (top == null) continue;
        const arm = usable.filter((c) => c.method === method && c.modelId === top.modelId && c.compression === top.compression && c.dataFraction === top.dataFraction);
        const start = usable.find((c) => c.method === (method === "lora" ? "none" : "rag") && c.modelId === top.modelId && c.compression === top.compression);
        const points = [...(start ? [{ seconds: 0, points: start.quality.points }] : []), ...arm.map((c) => ({ seconds: c.learningSeconds, points: c.quality.points }))];
        series.push({ method, label: labels[method], points: points.sort((a, b) => a.seconds - b.seconds) });
    }
    return series;
}

export function layoutAdvisorChart(configs: readonly AdvisorConfig[], width: number, height: number): AdvisorChartLayout {
    const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
    const series = advisorSeries(configs);
    const all = series.flatMap((s) => s.points);
    if (all.length === 0) return { width, height, plot, xTicks: [], yTicks: [], lines: [], empty: true };
    const maxSeconds = Math.max(60, ...all.map((p) => p.seconds));
    const minutes = niceTicks(0, maxSeconds / 60, 5);
    const values = niceTicks(Math.max(0, Math.min(...all.map((p) => p.points)) - 5), Math.min(100, Math.max(...all.map((p) => p.points)) + 5), 5);
    const x = (seconds: number) => plot.left + ((seconds / 60 - minutes.min) / Math.max(minutes.max - minutes.min, 1e-9)) * (plot.right - plot.left);
    const y = (points: number) => plot.bottom - ((points - values.min) / Math.max(values.max - values.min, 1e-9)) * (plot.bottom - plot.top);
    return {
        width, height, plot, empty: false,
        xTicks: minutes.ticks.map((value) => ({ value, position: x(value * 60), label: `${String(Number(value.toFixed(1)))} min` })),
        yTicks: values.ticks.map((value) => ({ value, position: y(value), label: String(Math.round(value)) })),
        lines: series.map((s) => ({
            method: s.method, label: s.label,
            path: s.points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.seconds).toFixed(1)},${y(p.points).toFixed(1)}`).join(" "),
            markers: s.method === "none" || s.method === "rag" ? [] : s.points.map((p) => ({ x: x(p.seconds), y: y(p.points) }))
        }))
    };
}

/** The chart in words, for screen readers. */
export function describeAdvisorChart(configs: readonly AdvisorConfig[]): string {
    const series = advisorSeries(configs);
    if (series.length === 0) return "Nothing measured yet.";
    return series.map((s) => {
        const last = s.points.at(-1)!;
        return s.points.length <= 2 && (s.method === "none" || s.method === "rag")
            ? `${s.label}: ${last.points.toFixed(0)} points.`
            : `${s.label}: ${s.points.map((p) => `${p.points.toFixed(0)} after ${Math.round(p.seconds / 60)} min`).join(", ")}.`;
    }).join(" ");
}
