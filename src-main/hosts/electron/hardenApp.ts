import { app, session, shell } from "electron";
import { denyPermissionCheck, denyPermissionRequest } from "./denyPermissions.js";
import { guardWebContents } from "./guardWebContents.js";
import { isSafeExternalUrl } from "./isSafeExternalUrl.js";

/** Opens a link in the system browser only after a scheme check; everything else is dropped. */
export function openExternalSafely(url: string): void {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

/**
 * App-wide defenses, before any window exists: no permission is granted (but clipboard writes from our page), no webview, no
 * navigation away from the app, and new windows become an external-browser open after a check.
 */
export function hardenApp(): void {
    session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
    session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
    app.on("web-contents-created", (_event, contents) => guardWebContents(contents, openExternalSafely));
}
