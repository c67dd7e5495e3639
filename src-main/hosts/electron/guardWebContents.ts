import { isAppUrl } from "./appOrigin.js";
import { isSafeExternalUrl } from "./isSafeExternalUrl.js";

/** What guardWebContents needs of Electron's WebContents (so it can be tested without Electron). */
export type GuardedContents = {
    on(event: "will-navigate" | "will-redirect", listener: (event: { preventDefault(): void }, url: string) => void): unknown;
    on(event: "will-attach-webview", listener: (event: { preventDefault(): void }) => void): unknown;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void;
};

/**
 * Every web contents stays on the app's own pages: navigation and redirects elsewhere are stopped, no
 * webview can attach, and a new window is never opened; a safe link goes to the system's browser instead.
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
    contents.on("will-attach-webview", (event) => event.preventDefault());
    contents.on("will-navigate", (event, url) => {
        if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on("will-redirect", (event, url) => {
        if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
        if (isSafeExternalUrl(url)) openExternal(url);
        return { action: "deny" };
    });
}
