import type { AdapterInfo, TrainingRunInfo } from "@common/contract";
import { formatBytes } from "./formatBytes.js";
import { formatMinutes, formatTimeLeft } from "./formatDuration.js";

/** Whether the run may still change: it has not ended. */
export function isRunActive(run: TrainingRunInfo | null): boolean {
    return run !== null && (run.state === "preparing" || run.state === "training" || run.state === "saving");
}

/** "7.23" (losses are nats per token; two decimals show the change that matters); "—" when unknown. */
export function formatLoss(loss: number | null): string {
    return loss !== null && Number.isFinite(loss) ? loss.toFixed(2) : "—";
}

/** "12,345 tokens" */
export function formatTokens(tokens: number): string {
    const whole = Number.isFinite(tokens) ? Math.max(0, Math.round(tokens)) : 0;
    return `${whole.toLocaleString("en-US")} ${whole === 1 ? "token" : "tokens"}`;
}

/** "48 tokens a second", "1.3 tokens a second"; empty while not known. */
export function formatTokenRate(tokensPerSecond: number | null): string {
    if (tokensPerSecond === null || !Number.isFinite(tokensPerSecond) || tokensPerSecond < 0) return "";
    const rounded = tokensPerSecond >= 10 ? Math.round(tokensPerSecond) : Math.round(tokensPerSecond * 10) / 10;
    return `${rounded.toLocaleString("en-US")} ${rounded === 1 ? "token" : "tokens"} a second`;
}

/** "1:05", "12:00", "1:02:03": a stopwatch reading. */
export function formatClock(seconds: number): string {
    const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
    const hours = Math.floor(whole / 3600);
    const minutes = Math.floor((whole % 3600) / 60);
    const rest = String(whole % 60).padStart(2, "0");
    return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/** 0..1 of the time budget used. */
export function trainingFraction(run: TrainingRunInfo): number {
    const budget = run.budgetMinutes * 60;
    if (!(budget > 0) || !Number.isFinite(run.elapsedSeconds)) return 0;
    return Math.min(1, Math.max(0, run.elapsedSeconds / budget));
}

/** "1:05 of 10:00 · about 9 minutes left" */
export function describeTrainingTime(run: TrainingRunInfo): string {
    const clock = `${formatClock(run.elapsedSeconds)} of ${formatClock(run.budgetMinutes * 60)}`;
    if (run.state === "saving") return `${clock} · saving`;
    return `${clock} · ${formatTimeLeft(run.secondsLeft)}`;
}

/** What the run is doing now, as the heading of the progress panel says it. */
export function describeRunPhase(run: TrainingRunInfo): string {
    switch (run.state) {
        case "preparing":
            return `Preparing: reading ${run.documentCount === 1 ? "the document" : `${run.documentCount.toLocaleString("en-US")} documents`} and measuring ${run.modelName}…`;
        case "training":
            return `Teaching ${run.modelName}`;
        case "saving":
            return "Saving the adapter…";
        case "done":
            return "Training finished";
        case "cancelled":
            return "Training stopped";
        case "failed":
            return "Training failed";
    }
}

/** "step 12 · 48 tokens a second · 3,072 tokens so far": the line of numbers under the bar. */
export function describeTrainingPace(run: TrainingRunInfo): string {
    return [`step ${run.step.toLocaleString("en-US")}`, formatTokenRate(run.tokensPerSecond), `${formatTokens(run.tokens)} so far`]
        .filter(Boolean)
        .join(" · ");
}

/** Why a finished run stopped, in a sentence. */
export function describeStop(run: TrainingRunInfo): string {
    if (run.state === "failed") return run.error ?? "Training failed before it could save an adapter.";
    switch (run.stoppedBy) {
        case "budget":
            return `Stopped when its ${formatMinutes(run.budgetMinutes)} ran out.`;
        case "max-steps":
            return "Finished every step it had planned before the time ran out.";
        case "cancelled":
            return "Stopped when you asked.";
        case "diverged":
            return "Stopped because the loss stopped being a number (training diverged); the last good checkpoint was kept.";
        case null:
            return run.state === "cancelled" ? "Stopped when you asked." : "Finished.";
    }
}

export type LossChange = { before: number; after: number; percent: number };

/** The change from `before` to `after`, when both are known and `before` is not zero. */
export function lossChange(before: number | null, after: number | null): LossChange | null {
    if (before === null || after === null || !Number.isFinite(before) || !Number.isFinite(after) || before === 0) return null;
    return { before, after, percent: ((after - before) / Math.abs(before)) * 100 };
}

/** "7.89 → 7.23 (−8.4%)"; one value, or "not measured", when the other is missing. */
export function describeLossChange(before: number | null, after: number | null): string {
    const change = lossChange(before, after);
    if (!change) {
        if (after !== null && Number.isFinite(after)) return formatLoss(after);
        if (before !== null && Number.isFinite(before)) return `${formatLoss(before)} before`;
        return "not measured";
    }
    // Two decimals unless they would show a change as none: then as many as tell the two apart (up to five).
    let digits = 2;
    while (digits < 5 && change.before !== change.after && change.before.toFixed(digits) === change.after.toFixed(digits)) digits++;
    const direction = change.percent < 0 ? "lower" : "higher";
    const percent = change.percent === 0
        ? "no change"
        : Math.abs(change.percent) < 0.05
            ? `less than 0.1% ${direction}`
            : `${change.percent < 0 ? "−" : "+"}${Math.abs(change.percent).toFixed(1)}%`;
    return `${change.before.toFixed(digits)} → ${change.after.toFixed(digits)} (${percent})`;
}

/** "3 documents: a.md, b.md, c.md" (at most `shown` names, then how many more). */
/** "4 documents and 3 question–answer pairs": what a run learned from. */
export function describeRunSources(run: Pick<TrainingRunInfo, "documentCount" | "pairCount">): string {
    const documents = `${run.documentCount.toLocaleString("en-US")} ${run.documentCount === 1 ? "document" : "documents"}`;
    if (run.pairCount <= 0) return documents;
    return `${documents} and ${run.pairCount.toLocaleString("en-US")} question–answer ${run.pairCount === 1 ? "pair" : "pairs"}`;
}

export function describeDocumentsUsed(names: readonly string[], shown = 3): string {
    if (names.length === 0) return "no documents";
    const count = `${names.length.toLocaleString("en-US")} ${names.length === 1 ? "document" : "documents"}`;
    const listed = names.slice(0, shown).join(", ");
    const more = names.length > shown ? ` and ${(names.length - shown).toLocaleString("en-US")} more` : "";
    return `${count}: ${listed}${more}`;
}

/** "×1.0": how strongly an adapter applies. */
export function formatScale(scale: number): string {
    return `×${(Number.isFinite(scale) ? scale : 1).toFixed(1)}`;
}

/** "Nov 21, 2026, 9:30 AM" in the person's locale; `options` pin locale and zone for tests. */
export function formatDateTime(time: number, options: { locale?: string; timeZone?: string } = {}): string {
    if (!Number.isFinite(time)) return "unknown date";
    return new Intl.DateTimeFormat(options.locale, { dateStyle: "medium", timeStyle: "short", timeZone: options.timeZone }).format(time);
}

/** The facts an adapter's row lists, label and value. */
export function adapterFacts(adapter: AdapterInfo, dateOptions: { locale?: string; timeZone?: string } = {}): Array<{ label: string; value: string }> {
    return [
        { label: "Base model", value: adapter.baseModelId === null ? `${adapter.baseModelName} (no longer in your list)` : adapter.baseModelName },
        { label: "Trained on", value: [describeDocumentsUsed(adapter.documentNames), ...(adapter.pairSources ?? [])].join("; ") },
        { label: "Budget", value: formatMinutes(adapter.budgetMinutes) },
        { label: "Trained", value: `${formatTokens(adapter.tokensTrained)} in ${adapter.steps.toLocaleString("en-US")} ${adapter.steps === 1 ? "step" : "steps"}` },
        { label: "Validation loss", value: describeLossChange(adapter.lossBefore, adapter.lossAfter) },
        { label: "Created", value: formatDateTime(adapter.createdAt, dateOptions) },
        { label: "Size", value: formatBytes(adapter.sizeBytes) }
    ];
}
