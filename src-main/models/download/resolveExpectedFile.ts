import type { CatalogQuant } from "../catalogSchema.js";
import type { Sha256Source } from "./downloadTypes.js";
import { RemoteFileChangedError } from "./errors/RemoteFileChangedError.js";
import { UnverifiableDownloadError } from "./errors/UnverifiableDownloadError.js";
import { fetchLfsInfoFromApi } from "./fetchLfsInfoFromApi.js";
import { fetchRemoteFileInfo } from "./fetchRemoteFileInfo.js";
import type { HubFileRef } from "./hubUrls.js";

/** What the finished file must be. */
export type ExpectedFile = {
    /** Exact when `sizeExact`; otherwise the catalog's rounded estimate (good enough for the disk check). */
    sizeBytes: number;
    sizeExact: boolean;
    sha256: string;
    sha256Source: Sha256Source;
};

/**
 * Asks the hub about the file (which also tells whether it can be reached at all) and decides the
 * size and SHA-256 to hold the download to: the catalog's when it has one, else the hub's LFS object
 * id. A hub that now disagrees with the catalog is refused before a byte is downloaded.
 */
export async function resolveExpectedFile(ref: HubFileRef, quant: CatalogQuant): Promise<ExpectedFile> {
    const remote = await fetchRemoteFileInfo(ref);
    let hubSha = remote.sha256;
    let hubSize = remote.sizeBytes;
    if (quant.sha256 == null && hubSha == null) {
        const lfs = await fetchLfsInfoFromApi(ref);
        hubSha = lfs?.sha256 ?? null;
        hubSize ??= lfs?.sizeBytes ?? null;
    }

    if (quant.sha256 != null && hubSha != null && hubSha !== quant.sha256)
        throw new RemoteFileChangedError(ref.fileName, `its SHA-256 is now ${hubSha}, not ${quant.sha256}`);
    if (quant.sizeExact && hubSize != null && hubSize !== quant.sizeBytes)
        throw new RemoteFileChangedError(ref.fileName, `it now has ${hubSize} bytes, not ${quant.sizeBytes}`);

    const sha256 = quant.sha256 ?? hubSha;
    if (sha256 == null) throw new UnverifiableDownloadError(ref.fileName);
    return {
        sizeBytes: hubSize ?? quant.sizeBytes,
        sizeExact: hubSize != null || quant.sizeExact,
        sha256,
        sha256Source: quant.sha256 != null ? "catalog" : "hub"
    };
}
