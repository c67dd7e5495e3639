const SAFE_EXTERNAL = new Set(["https:", "http:", "mailto:"]);

/** A link the system may open in its browser or mail app: web and mail addresses only (never file:, smb:, custom schemes). */
export function isSafeExternalUrl(url: string): boolean {
    try {
        return SAFE_EXTERNAL.has(new URL(url).protocol);
    } catch {
        return false;
    }
}
