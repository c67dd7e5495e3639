export const APP_SCHEME = "locus";
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/**
 * The URL is a page of the app itself: scheme and host compared exactly (never by prefix, which would let
 * `locus://app.evil` or `locus://application` through), with no credentials or port.
 */
export function isAppUrl(url: string): boolean {
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return false;
    }
    return parsed.protocol === `${APP_SCHEME}:` && parsed.hostname === "app" && parsed.port === "" && parsed.username === "" && parsed.password === "";
}
