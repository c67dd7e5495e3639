// Module resolution hook (node:module register): `electron` is the shim, everything else as Node does it.
type ResolveContext = { conditions: string[]; parentURL?: string };
type ResolveResult = { url: string; shortCircuit?: boolean; format?: string };
type NextResolve = (specifier: string, context: ResolveContext) => Promise<ResolveResult>;

let shimUrl = "";

export function initialize(data: { shim: string }): void {
    shimUrl = data.shim;
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<ResolveResult> {
    if (specifier === "electron") return { url: shimUrl, shortCircuit: true, format: "module" };
    return next(specifier, context);
}
