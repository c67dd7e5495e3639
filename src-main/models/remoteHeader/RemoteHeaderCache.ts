import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { readGgufFileInfo, type ModelFileAccessTokens } from "node-llama-cpp";
import type { CatalogEntry, CatalogQuant } from "../catalogSchema.js";
import { defaultHubEndpoint, resolveUrl } from "../download/hubUrls.js";

/** As for downloads (download/FileTransfer.ts): public files, no Hugging Face token from the environment sent. */
const noTokens = { huggingFace: null } as unknown as ModelFileAccessTokens;

export type RemoteHeaderCacheOptions = {
    /** Folder for the headers read so far (a few MB each: the tokenizer is most of a header). */
    cacheDir: string;
    /** Hub endpoint; default https://huggingface.co/. */
    endpoint?: string;
    /** Longest wait for one header before the catalog's figures are used instead (default 10 s). */
    timeoutMs?: number;
    /** After a failed read, the hub is not asked again for this file until this much time has passed (default 5 min). */
    retryAfterMs?: number;
    /** A header read at the unpinned revision "main" is read again after this long (default 7 days). */
    unpinnedMaxAgeMs?: number;
    now?: () => number;
};

/**
 * The GGUF headers of catalog files, read from the hub without downloading the weights: node-llama-cpp's
 * `readGgufFileInfo` fetches only the header's byte ranges. Each header is kept on disk as a file that
 * holds just the header, which node-llama-cpp's insights and load simulation read like the whole model.
 * A file at a pinned revision never changes, so its header is read once; offline, or when the hub does
 * not answer in time, `headerFor` returns null and the caller falls back to the catalog's metadata.
 */
export class RemoteHeaderCache {
    readonly #failedAt = new Map<string, number>();
    readonly #inFlight = new Map<string, Promise<string | null>>();
    readonly #options: Required<RemoteHeaderCacheOptions>;

    constructor(options: RemoteHeaderCacheOptions) {
        this.#options = {
            endpoint: defaultHubEndpoint, timeoutMs: 10_000, retryAfterMs: 5 * 60_000,
            unpinnedMaxAgeMs: 7 * 24 * 3_600_000, now: Date.now, ...options
        };
    }

    /**
     * Path of a file holding this catalog file's GGUF header: from the cache, else read from the hub.
     * Null when there is none (offline, timed out, not a GGUF, a failure in the last few minutes).
     */
    async headerFor(entry: CatalogEntry, quant: CatalogQuant): Promise<string | null> {
        const { url, cachePath, revision } = this.#locate(entry, quant);
        if (await this.#isFresh(cachePath, revision)) return cachePath;
        const failedAt = this.#failedAt.get(url);
        if (failedAt !== undefined && this.#options.now() - failedAt < this.#options.retryAfterMs) return null;

        let pending = this.#inFlight.get(url);
        if (pending === undefined) {
            pending = this.#fetch(url, cachePath).finally(() => this.#inFlight.delete(url));
            this.#inFlight.set(url, pending);
        }
        return pending;
    }

    /**
     * Path of this file's header when one was read before (an unpinned one, however old: it is still
     * closer than the catalog's figures); never asks the hub. Headers are read from the hub only when the
     * person asks (`headerFor`): nothing leaves the machine unasked, not even the name of a model looked at.
     */
    async cachedHeaderFor(entry: CatalogEntry, quant: CatalogQuant): Promise<string | null> {
        const { cachePath } = this.#locate(entry, quant);
        return (await fs.stat(cachePath).catch(() => null))?.isFile() ? cachePath : null;
    }

    #locate(entry: CatalogEntry, quant: CatalogQuant): { url: string; cachePath: string; revision: string } {
        const revision = quant.revision ?? entry.revision;
        const url = resolveUrl({ endpoint: this.#options.endpoint, repository: entry.repository, revision, fileName: quant.file });
        const cachePath = path.join(this.#options.cacheDir, `${createHash("sha256").update(url).digest("hex").slice(0, 32)}.gguf`);
        return { url, cachePath, revision };
    }

    async #isFresh(cachePath: string, revision: string): Promise<boolean> {
        const stat = await fs.stat(cachePath).catch(() => null);
        if (stat == null) return false;
        return revision !== "main" || this.#options.now() - stat.mtimeMs < this.#options.unpinnedMaxAgeMs;
    }

    async #fetch(url: string, cachePath: string): Promise<string | null> {
        try {
            const info = await readGgufFileInfo(url, {
                readTensorInfo: true, logWarnings: false, sourceType: "network", tokens: noTokens,
                // One try within the timeout: a fit must not wait on a hub that is not there.
                fetchRetryOptions: { retries: 0 }, signal: AbortSignal.timeout(this.#options.timeoutMs)
            });
            const source = info.sourceData[0];
            if (info.splicedParts !== 1 || source?.type !== "buffer") throw new Error("unexpected header source");
            await fs.mkdir(this.#options.cacheDir, { recursive: true });
            const temp = `${cachePath}.tmp-${randomBytes(4).toString("hex")}`;
            try {
                await fs.writeFile(temp, source.buffer);
                await fs.rename(temp, cachePath);
            } finally {
                await fs.rm(temp, { force: true });
            }
            this.#failedAt.delete(url);
            return cachePath;
        } catch {
            // Offline, timed out, refused or not a GGUF: the catalog's figures stand in.
            this.#failedAt.set(url, this.#options.now());
            return null;
        }
    }
}
