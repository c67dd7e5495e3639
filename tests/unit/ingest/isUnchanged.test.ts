import { describe, expect, it } from "vitest";
import { cancelledReason } from "../../../src-main/ingest/failureReason.js";
import { isUnchanged } from "../../../src-main/ingest/isUnchanged.js";
import type { LibraryDocument } from "../../../src-main/store/library/types.js";

const indexed: LibraryDocument = {
    id: "d1", sourcePath: "/docs/a.md", displayName: "a.md", format: "markdown", title: null, contentHash: "h1",
    sizeBytes: 100, mtimeMs: 5_000, status: "indexed", statusReason: null, pageCount: null, chunkCount: 3,
    embeddingModelId: "model#1", createdAt: 1, updatedAt: 1, indexedAt: 1, collectionId: null,
    parentId: null, partKey: null, sender: null, sentAt: null
};
const file = { path: "/docs/a.md", sizeBytes: 100, mtimeMs: 5_000 };

function hasher(hash: string) {
    const calls: string[] = [];
    return { calls, hash: async (filePath: string) => (calls.push(filePath), hash) };
}

describe("skipping files whose indexed version is current", () => {
    it("skips a file with the same size and time without reading it", async () => {
        const { calls, hash } = hasher("other");
        expect(await isUnchanged(file, indexed, "model#1", hash)).toBe(true);
        expect(calls).toEqual([]);
    });

    it("lets the content hash decide when only the time changed (copy, restore, touch)", async () => {
        const touched = { ...file, mtimeMs: 9_000 };
        expect(await isUnchanged(touched, indexed, "model#1", hasher("h1").hash)).toBe(true);
        expect(await isUnchanged(touched, indexed, "model#1", hasher("h2").hash)).toBe(false);
        expect(await isUnchanged(touched, indexed, "model#1", () => Promise.reject(new Error("gone")))).toBe(false);
    });

    it("re-indexes a file whose size changed, one never indexed or still queued, or one from another model", async () => {
        const { hash } = hasher("h1");
        expect(await isUnchanged({ ...file, sizeBytes: 101 }, indexed, "model#1", hash)).toBe(false);
        expect(await isUnchanged(file, undefined, "model#1", hash)).toBe(false);
        expect(await isUnchanged(file, { ...indexed, status: "queued" }, "model#1", hash)).toBe(false);
        expect(await isUnchanged(file, indexed, "model#2", hash)).toBe(false);
        expect(await isUnchanged(file, indexed, undefined, hash)).toBe(false);
    });

    it("tries a failed file again only once it changed, or when it was cancelled", async () => {
        const failed: LibraryDocument = { ...indexed, status: "failed", statusReason: '"a.md" could not be read.', chunkCount: 0, embeddingModelId: null };
        const { calls, hash } = hasher("h1");
        expect(await isUnchanged(file, failed, "model#1", hash)).toBe(true);
        expect(await isUnchanged({ ...file, mtimeMs: 6_000 }, failed, "model#1", hash)).toBe(false);
        expect(await isUnchanged(file, { ...failed, statusReason: cancelledReason }, "model#1", hash)).toBe(false);
        expect(calls).toEqual([]);
    });
});
