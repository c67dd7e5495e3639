import type { FitLabel, FitResult } from "@common/setup/types.js";

/** How good a fit is, for colour: good (GPU or memory), partial (split with the GPU), bad (too large). */
export type FitTone = "good" | "partial" | "bad";

export type FitPresentation = {
    tone: FitTone;
    /** A symbol that carries the meaning without colour. */
    icon: string;
    /** The label as a sentence start: "Fits in memory". */
    text: string;
    /** A CSS colour (one of the theme's variables). */
    color: string;
};

const presentations: Readonly<Record<FitLabel, FitPresentation>> = {
    "runs fully on your GPU": { tone: "good", icon: "✓", text: "Runs fully on your GPU", color: "var(--ok)" },
    "fits in memory": { tone: "good", icon: "✓", text: "Fits in memory", color: "var(--ok)" },
    "runs partly on your GPU": { tone: "partial", icon: "◐", text: "Runs partly on your GPU", color: "var(--accent)" },
    "too large for this computer": { tone: "bad", icon: "✕", text: "Too large for this computer", color: "var(--danger-text)" }
};

export function presentFit(label: FitLabel): FitPresentation {
    return presentations[label];
}

export function isTooLarge(label: FitLabel): boolean {
    return label === "too large for this computer";
}

/** Where a fit's figures came from, in words: the model file's own header, or the catalog's description of it. */
export function describeFitBasis(fit: Pick<FitResult, "method" | "headerSource">): string {
    if (fit.method === "catalog-estimate") return "Estimated from the catalog.";
    return fit.headerSource === "hub" ? "From the file's header, read from the model hub." : "From the file's header.";
}
