import type { ModelFit } from "@common/contract";
import type { FitLabel } from "@common/setup/types.js";
import { describeFitBasis } from "./describeFit.js";
import { formatBytes } from "./formatBytes.js";

/** A model's fit as the model list shows it: being checked, checked (label and memory), or not checkable and why. */
export type ModelFitLine =
    | { state: "checking"; text: string }
    | { state: "checked"; label: FitLabel; text: string; detail: string }
    | { state: "failed"; text: string };

/** What a model needs, in words: "Needs about 1.2 GB of memory at 4,096 tokens of context". */
function memoryNeeded(ramBytes: number, vramBytes: number, contextSize: number): string {
    const context = `at ${contextSize.toLocaleString("en-US")} tokens of context`;
    if (vramBytes <= 0) return `Needs about ${formatBytes(ramBytes)} of memory ${context}`;
    return `Needs about ${formatBytes(vramBytes)} of GPU memory and ${formatBytes(ramBytes)} of memory ${context}`;
}

export function describeModelFit(fit: ModelFit | undefined): ModelFitLine {
    if (fit === undefined) return { state: "checking", text: "Checking whether it fits this computer…" };
    if (fit.state === "failed") return { state: "failed", text: `Could not be checked: ${fit.reason}` };
    const { label, ramBytes, vramBytes, contextSize, explanation } = fit.result;
    return {
        state: "checked", label, text: memoryNeeded(ramBytes, vramBytes, contextSize),
        detail: `${explanation} ${describeFitBasis(fit.result)}`
    };
}
