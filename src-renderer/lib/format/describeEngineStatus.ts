import type { EngineStatus, ModelInfo } from "@common/contract";

/** The one-line status the model panel shows. */
export function describeEngineStatus(status: EngineStatus, model: ModelInfo | null): string {
    const name = model?.fileName ?? "the model";
    switch (status.state) {
        case "idle":
            return "No model loaded";
        case "loading":
            return `Loading ${name}… ${Math.round(clamp01(status.loadProgress) * 100)}%`;
        case "ready": {
            const parts = [`Ready: ${name}`, `${status.threads} ${status.threads === 1 ? "thread" : "threads"}`];
            if (status.contextSize !== null) parts.push(`context ${status.contextSize.toLocaleString("en-US")} tokens`);
            if (status.chatWrapper) parts.push(status.chatWrapper);
            return parts.join(" · ");
        }
        case "error":
            // The services word their errors for people (which file, what is wrong), so show them as-is.
            return status.error ?? `Could not load ${name}`;
    }
}

export function clamp01(value: number): number {
    return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
