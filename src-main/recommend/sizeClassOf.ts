export type SizeClass = "under-1B" | "1-2B" | "3-4B" | "7-8B" | "over-8B";

const order: readonly SizeClass[] = ["under-1B", "1-2B", "3-4B", "7-8B", "over-8B"];

/** The size classes the catalog offers and the wizard talks about, from the parameter count. */
export function sizeClassOf(parameterCount: number): SizeClass {
    const billions = parameterCount / 1e9;
    if (billions < 1) return "under-1B";
    if (billions < 2.5) return "1-2B";
    if (billions < 5) return "3-4B";
    if (billions < 9.5) return "7-8B";
    return "over-8B";
}

/** 0 for the smallest class; larger is bigger. */
export function sizeClassRank(parameterCount: number): number {
    return order.indexOf(sizeClassOf(parameterCount));
}
