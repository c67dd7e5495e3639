import { describe, expect, it } from "vitest";
import { forgetAccessToken, takeAccessToken, type TokenHome } from "../../../src-renderer/lib/transport/accessToken.js";

function home(hash: string, stored: Record<string, string> = {}) {
    const storage = new Map(Object.entries(stored));
    let address = `/${hash}`;
    const page: TokenHome = {
        location: { hash, pathname: "/", search: "" },
        history: { replaceState: (_data, _unused, url) => void (address = String(url)) },
        sessionStorage: {
            getItem: (key) => storage.get(key) ?? null,
            setItem: (key, value) => void storage.set(key, value),
            removeItem: (key) => void storage.delete(key)
        }
    };
    return { page, storage, address: () => address };
}

describe("takeAccessToken", () => {
    it("takes the token from the fragment, keeps it for reloads and removes it from the address bar", () => {
        const { page, storage, address } = home("#token=abc-123");
        expect(takeAccessToken(page)).toBe("abc-123");
        expect([...storage.values()]).toEqual(["abc-123"]);
        expect(address()).toBe("/");
    });

    it("uses the kept token after a reload without the fragment, and a new fragment wins", () => {
        expect(takeAccessToken(home("", { "locus.accessToken": "kept" }).page)).toBe("kept");
        expect(takeAccessToken(home("#token=new", { "locus.accessToken": "kept" }).page)).toBe("new");
    });

    it("has no token when there is neither a fragment nor a kept one, or after it was refused", () => {
        expect(takeAccessToken(home("").page)).toBeNull();
        const { page } = home("", { "locus.accessToken": "kept" });
        forgetAccessToken(page);
        expect(takeAccessToken(page)).toBeNull();
    });
});
