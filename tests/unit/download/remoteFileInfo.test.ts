import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DownloadServerError } from "../../../src-main/models/download/errors/DownloadServerError.js";
import { UnverifiableDownloadError } from "../../../src-main/models/download/errors/UnverifiableDownloadError.js";
import { fetchLfsInfoFromApi } from "../../../src-main/models/download/fetchLfsInfoFromApi.js";
import { fetchRemoteFileInfo, sha256FromEtag } from "../../../src-main/models/download/fetchRemoteFileInfo.js";
import { resolveUrl } from "../../../src-main/models/download/hubUrls.js";
import { resolveExpectedFile } from "../../../src-main/models/download/resolveExpectedFile.js";
import { FakeHub } from "../../support/fakeHub/FakeHub.js";
import type { HubFile } from "../../support/fakeHub/fakeHubTypes.js";
import { fakeModelBytes } from "../../support/fakeHub/fakeModelBytes.js";

const hubs: FakeHub[] = [];
async function hubWithFile(options: ConstructorParameters<typeof FakeHub>[0] = {}): Promise<{ hub: FakeHub; file: HubFile; ref: { endpoint: string; repository: string; revision: string; fileName: string } }> {
    const hub = await new FakeHub(options).start();
    hubs.push(hub);
    const file = hub.addFile({ repository: "org/Repo-GGUF", revision: "main", fileName: "model Q8_0.gguf", bytes: fakeModelBytes(1000) });
    return { hub, file, ref: { endpoint: hub.endpoint, repository: file.repository, revision: file.revision, fileName: file.fileName } };
}
let shared: Awaited<ReturnType<typeof hubWithFile>>;
beforeAll(async () => { shared = await hubWithFile(); });
afterAll(async () => { for (const hub of hubs) await hub.stop(); });

describe("the hub's file metadata", () => {
    it("builds the hub's resolve URL, encoding the file name", () => {
        expect(resolveUrl({ endpoint: "https://huggingface.co", repository: "Qwen/Qwen3-0.6B-GGUF", revision: "main", fileName: "a b.gguf" }))
            .toBe("https://huggingface.co/Qwen/Qwen3-0.6B-GGUF/resolve/main/a%20b.gguf");
    });

    it("reads an etag as a SHA-256 only when it is one", () => {
        const sha = "ab".repeat(32);
        expect(sha256FromEtag(`"${sha}"`)).toBe(sha);
        expect(sha256FromEtag(`W/"${sha.toUpperCase()}"`)).toBe(sha);
        expect(sha256FromEtag(`"${"a".repeat(40)}"`)).toBeNull();
        expect(sha256FromEtag(null)).toBeNull();
    });

    it("takes size and SHA-256 from the redirect's x-linked headers without downloading", async () => {
        const { hub, file, ref } = shared;
        expect(await fetchRemoteFileInfo(ref)).toEqual({ sizeBytes: file.size, sha256: file.sha256 });
        expect(hub.requests.filter((r) => r.path.startsWith("/cdn/"))).toEqual([]);
    });

    it("ignores the redirect's own etag when x-linked-etag is missing, and finds the LFS id in the revision API", async () => {
        const { file, ref } = await hubWithFile({ linkedEtag: false });
        expect(await fetchRemoteFileInfo(ref)).toEqual({ sizeBytes: file.size, sha256: null });
        expect(await fetchLfsInfoFromApi(ref)).toEqual({ sha256: file.sha256, sizeBytes: file.size });
        expect(await fetchLfsInfoFromApi({ ...ref, fileName: "other.gguf" })).toBeNull();
    });

    it("reads the headers of a hub that serves the file without a redirect", async () => {
        const { file, ref } = await hubWithFile({ redirect: false });
        expect(await fetchRemoteFileInfo(ref)).toEqual({ sizeBytes: file.size, sha256: file.sha256 });
    });

    it("refuses a file no one can verify, and a missing file with the server's status", async () => {
        const { ref } = await hubWithFile({ linkedEtag: false, api: false });
        const quant = { quant: "Q8_0" as const, file: ref.fileName, sizeBytes: 1000, sizeExact: true, sha256: null };
        await expect(resolveExpectedFile(ref, quant)).rejects.toBeInstanceOf(UnverifiableDownloadError);
        const missing = await fetchRemoteFileInfo({ ...shared.ref, fileName: "gone.gguf" }).catch((e: unknown) => e);
        expect(missing).toBeInstanceOf(DownloadServerError);
        expect((missing as Error).message).toContain("HTTP 404");
    });
});
