import { DownloadServerError } from "./errors/DownloadServerError.js";
import { hubHost, resolveUrl, type HubFileRef } from "./hubUrls.js";
import { networkFailure } from "./networkFailure.js";

/** What the hub says about a file before any of it is downloaded. */
export type RemoteFileInfo = {
    /** The LFS object's size (`x-linked-size`), else the response's content length. */
    sizeBytes: number | null;
    /** The LFS object id, which is the file's SHA-256; null when the hub did not send one. */
    sha256: string | null;
};

const maxRelativeRedirects = 5;
const sha256Pattern = /^[0-9a-f]{64}$/;

/** `W/"abc"` -> `abc`; only a 64-digit hex value is a SHA-256 (a git blob id has 40). */
export function sha256FromEtag(value: string | null): string | null {
    if (value == null) return null;
    const etag = value.trim().replace(/^W\//, "").replace(/^"|"$/g, "").toLowerCase();
    return sha256Pattern.test(etag) ? etag : null;
}

function sizeFrom(value: string | null): number | null {
    const size = value == null ? NaN : Number(value);
    return Number.isSafeInteger(size) && size >= 0 ? size : null;
}

/**
 * HEAD on the file's resolve URL without following the redirect to the CDN, as huggingface_hub does:
 * the hub's answer to that request carries the LFS object id (`x-linked-etag`) and size
 * (`x-linked-size`). Relative redirects (a renamed repository) are followed; the CDN's absolute one is not.
 */
export async function fetchRemoteFileInfo(ref: HubFileRef, timeoutMs = 20_000): Promise<RemoteFileInfo> {
    let url = resolveUrl(ref);
    for (let hop = 0; ; hop++) {
        const response = await fetch(url, {
            method: "HEAD",
            redirect: "manual",
            headers: { "Accept-Encoding": "identity" },
            signal: AbortSignal.timeout(timeoutMs)
        }).catch((error: unknown) => {
            throw networkFailure(hubHost(ref.endpoint), error);
        });
        const linkedSha = sha256FromEtag(response.headers.get("x-linked-etag"));
        const linkedSize = sizeFrom(response.headers.get("x-linked-size"));
        const location = response.headers.get("location");

        if (response.status >= 300 && response.status < 400) {
            // The CDN redirect is absolute; a relative one is the hub itself (a renamed repository).
            const relative = location != null && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(location);
            if (linkedSha == null && relative && hop < maxRelativeRedirects) {
                url = new URL(location, url).href;
                continue;
            }
            return { sizeBytes: linkedSize, sha256: linkedSha };
        }
        if (response.ok)
            return {
                sizeBytes: linkedSize ?? sizeFrom(response.headers.get("content-length")),
                sha256: linkedSha ?? sha256FromEtag(response.headers.get("etag"))
            };
        throw new DownloadServerError(response.status, ref.fileName);
    }
}
