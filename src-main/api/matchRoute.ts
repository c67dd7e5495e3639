import type { ApiRoute } from "./ApiRoute.js";

/** The route for a method and path, its parameters, and whether the path exists for another method (405). */
export function matchRoute(routes: readonly ApiRoute[], method: string, pathname: string):
    { route: ApiRoute; params: Record<string, string> } | { route: null; otherMethods: string[] } {
    const parts = pathname.split("/");
    const otherMethods: string[] = [];
    for (const route of routes) {
        const params = matchPath(route.path.split("/"), parts);
        if (params == null) continue;
        if (route.method === method) return { route, params };
        otherMethods.push(route.method);
    }
    return { route: null, otherMethods };
}

function matchPath(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
    if (pattern.length !== parts.length) return null;
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
        const want = pattern[i]!, got = parts[i]!;
        if (want.startsWith(":")) {
            if (got === "") return null;
            try {
                params[want.slice(1)] = decodeURIComponent(got);
            } catch {
                return null;
            }
        } else if (want !== got) return null;
    }
    return params;
}
