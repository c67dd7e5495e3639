import { app, session, shell } from "electron";

const SAFE_EXTERNAL = new Set(["https:", "http:", "mailto:"]);

/** Opens a link in the system browser only after a scheme check; everything else is dropped. */
export function openExternalSafely(url: string): void {
    try {
        if (SAFE_EXTERNAL.has(new URL(url).protocol)) void shell.openExternal(url);
    } catch {
        // Not a URL: nothing to open.
    }
}

/**
 * App-wide defenses, before any window exists: no permission is granted (but clipboard writes from our page), no webview, no
 * navigation away from the app, and new windows become an external-browser open after a check.
 */
export function hardenApp(appOrigin: string): void {
    // One exception: our own page may write text to the clipboard (Settings' "Copy" of the API key).
    const clipboardWrite = (permission: string, url: string | undefined) =>
        permission === "clipboard-sanitized-write" && url != null && url.startsWith(appOrigin);
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
        callback(clipboardWrite(permission, details.requestingUrl)));
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => clipboardWrite(permission, requestingOrigin));
    app.on("web-contents-created", (_event, contents) => {
        contents.on("will-attach-webview", (event) => event.preventDefault());
        contents.on("will-navigate", (event, url) => {
            if (!url.startsWith(appOrigin)) event.preventDefault();
        });
        contents.on("will-redirect", (event, url) => {
            if (!url.startsWith(appOrigin)) event.preventDefault();
        });
        contents.setWindowOpenHandler(({ url }) => {
            openExternalSafely(url);
            return { action: "deny" };
        });
    });
}
