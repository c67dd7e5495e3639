import { z } from "zod";
import { hubHost, revisionApiUrl, type HubFileRef } from "./hubUrls.js";
import { networkFailure } from "./networkFailure.js";

/** The part of the hub's `GET /api/models/{repo}/revision/{rev}?blobs=true` answer Locus reads. */
const revisionInfoSchema = z.object({
    siblings: z.array(z.object({
        rfilename: z.string(),
        lfs: z.object({
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            size: z.number().int().nonnegative()
        }).optional()
    }))
});

export type LfsInfo = { sha256: string; sizeBytes: number };

/**
 * The file's LFS object id from the hub's repository metadata: the fallback when the resolve URL's
 * headers carry none. null when the hub does not know it (no such route, file or LFS entry).
 */
export async function fetchLfsInfoFromApi(ref: HubFileRef, timeoutMs = 20_000): Promise<LfsInfo | null> {
    const response = await fetch(revisionApiUrl(ref), {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(timeoutMs)
    }).catch((error: unknown) => {
        throw networkFailure(hubHost(ref.endpoint), error);
    });
    if (!response.ok) return null;
    const parsed = revisionInfoSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return null;
    const lfs = parsed.data.siblings.find((sibling) => sibling.rfilename === ref.fileName)?.lfs;
    return lfs == null ? null : { sha256: lfs.sha256, sizeBytes: lfs.size };
}
