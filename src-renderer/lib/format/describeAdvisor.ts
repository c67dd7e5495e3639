import type { AdvisorConfig, AdvisorMethod, AdvisorQuality, AdvisorRunInfo } from "@common/contract";
import { formatMinutes } from "./formatDuration.js";

const methodNames: Record<AdvisorMethod, string> = { none: "No library", rag: "Search (RAG)", lora: "Learned (LoRA)", "rag+lora": "Search + learned" };

export function describeMethod(method: AdvisorMethod): string {
    return methodNames[method];
}

/** "SmolLM2 · Q3_K_M copy · Learned (LoRA), 5 min on 50% of the documents" */
export function describeConfig(config: AdvisorConfig): string {
    const model = config.compression === "original" ? config.modelName : `${config.modelName} · ${config.compression} copy`;
    const learning = config.learningSeconds > 0
        ? `, ${formatLearningTime(config.learningSeconds)} on ${String(Math.round((config.dataFraction ?? 1) * 100))}% of the documents`
        : "";
    return `${model} · ${describeMethod(config.method)}${learning}`;
}

export function formatLearningTime(seconds: number): string {
    return seconds < 90 ? `${String(Math.round(seconds))} s` : formatMinutes(seconds / 60);
}

/** "71 (68–74)": the points and their 95% interval. */
export function formatQuality(quality: AdvisorQuality): string {
    if (!Number.isFinite(quality.points)) return "–";
    return `${quality.points.toFixed(0)} (${quality.low.toFixed(0)}–${quality.high.toFixed(0)})`;
}

/** Configurations best first; the recommended one first of all. */
export function rankedConfigs(run: AdvisorRunInfo): AdvisorConfig[] {
    const chosen = run.recommendation?.configKey;
    return [...run.configs].sort((a, b) => Number(b.key === chosen) - Number(a.key === chosen) || b.quality.points - a.quality.points);
}

export function isAdvisorActive(run: AdvisorRunInfo | null): boolean {
    return run?.state === "running";
}

/** What the run's state means, in words. */
export function describeAdvisorState(run: AdvisorRunInfo): string {
    switch (run.state) {
        case "running":
            return run.phase;
        case "done":
            return run.recommendation == null ? "Finished without a recommendation." : "Finished.";
        case "cancelled":
            return "Stopped early: the figures measured so far are kept.";
        case "failed":
            return `Failed: ${run.error ?? "unknown error"}`;
    }
}

/** "2 Dec 2026, 14:05": when a run started, in the person's own locale. */
export function formatRunDate(startedAt: number): string {
    return new Date(startedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
