import { isAppUrl } from "./appOrigin.js";

/**
 * The one permission ever granted: the app's own page may write text to the clipboard (Settings' "Copy"
 * of the local API key). Camera, microphone, notifications, geolocation, clipboard reads... are refused.
 */
function isGranted(permission: string, url: string | undefined): boolean {
    return permission === "clipboard-sanitized-write" && url != null && isAppUrl(url);
}

/** Every permission a page asks for is refused, but a clipboard write from the app's own page. */
export function denyPermissionRequest(_contents: unknown, permission: string, callback: (granted: boolean) => void, details?: { requestingUrl?: string }): void {
    callback(isGranted(permission, details?.requestingUrl));
}

/** Every permission check answers "not granted", but a clipboard write from the app's own page. */
export function denyPermissionCheck(_contents?: unknown, permission?: string, requestingOrigin?: string): boolean {
    return permission != null && isGranted(permission, requestingOrigin);
}
