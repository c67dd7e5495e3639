const storageKey = "locus.accessToken";

/** The parts of `window` the token lives in; passed in so tests need no browser. */
export type TokenHome = {
    location: Pick<Location, "hash" | "pathname" | "search">;
    history: Pick<History, "replaceState">;
    sessionStorage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
};

/**
 * The browser host's per-launch token: from `#token=…` when present (then kept in sessionStorage,
 * so a reload without the fragment still works, and removed from the address bar), else the kept one.
 */
export function takeAccessToken(home: TokenHome): string | null {
    const fromHash = new URLSearchParams(home.location.hash.replace(/^#/, "")).get("token");
    if (fromHash) {
        tryStorage(() => home.sessionStorage.setItem(storageKey, fromHash));
        home.history.replaceState(null, "", home.location.pathname + home.location.search);
        return fromHash;
    }
    return tryStorage(() => home.sessionStorage.getItem(storageKey)) ?? null;
}

/** Drops a token the server refused, so the page does not keep retrying with it. */
export function forgetAccessToken(home: Pick<TokenHome, "sessionStorage">): void {
    tryStorage(() => home.sessionStorage.removeItem(storageKey));
}

// Storage can be disabled by the browser's settings; the token then lives for this page only.
function tryStorage<T>(action: () => T): T | undefined {
    try {
        return action();
    } catch {
        return undefined;
    }
}
