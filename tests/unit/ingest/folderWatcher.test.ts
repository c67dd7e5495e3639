import fs from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FolderWatcher } from "../../../src-main/ingest/watch/FolderWatcher.js";
import { watchedFoldersKey } from "../../../src-main/ingest/watch/WatchedFolders.js";
import type { LibraryDocument } from "../../../src-main/store/library/types.js";
import { makeTempDir } from "../parse/support/tempDir.js";
import { writeFiles } from "./support/fakes.js";

/** Records what the watcher asks of ingestion. */
class FakeIngest {
    calls: string[] = [];
    documents: LibraryDocument[] = [];
    pictures = false;
    picturesInFolders() {
        return this.pictures;
    }
    async add(paths: readonly string[]) {
        this.calls.push(...paths.map((p) => `add ${p}`));
        return { queued: [], unchanged: [], skippedUnsupported: 0, folders: [], notFound: [] };
    }
    async remove(id: string) {
        this.calls.push(`remove ${id}`);
        return true;
    }
    async removePath(p: string) {
        this.calls.push(`removePath ${p}`);
        return true;
    }
    async removeFolder(p: string) {
        this.calls.push(`removeFolder ${p}`);
        return 0;
    }
}

class MemoryMeta {
    values = new Map<string, unknown>();
    get(key: string) {
        return this.values.get(key);
    }
    set(key: string, value: unknown) {
        this.values.set(key, value);
    }
}

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let ingest: FakeIngest;
let meta: MemoryMeta;
const watchers: FolderWatcher[] = [];

beforeEach(async () => {
    dir = await makeTempDir("watch");
    ingest = new FakeIngest();
    meta = new MemoryMeta();
});
afterEach(async () => {
    await Promise.all(watchers.splice(0).map((watcher) => watcher.dispose()));
    await dir.remove();
});

function watcher(): FolderWatcher {
    const created = new FolderWatcher({
        meta, ingest, library: { listFiles: () => ingest.documents }, debounceMs: 50, writeFinishMs: 100,
        onError: (error) => { throw error; }
    });
    watchers.push(created);
    return created;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out; calls: ${ingest.calls.join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

describe("the folder watcher", () => {
    it("saves the watched folders and passes on new, changed and deleted supported files only", async () => {
        const folders = watcher();
        await folders.watchFolder(dir.path);
        expect(meta.get(watchedFoldersKey)).toEqual([dir.path]);
        await folders.watchFolder(dir.file("sub")); // inside a watched folder: already covered
        expect(folders.folders()).toEqual([dir.path]);

        await writeFiles(dir.path, { "new.md": "# New", ".hidden.md": "h", "~$lock.docx": "l", "image.png": "p", ".git/x.txt": "g" });
        await until(() => ingest.calls.length > 0);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(ingest.calls).toEqual([`add ${dir.file("new.md")}`]);

        ingest.calls = [];
        await fs.appendFile(dir.file("new.md"), "\n\nMore text.");
        await until(() => ingest.calls.length > 0);
        expect(ingest.calls).toEqual([`add ${dir.file("new.md")}`]);

        ingest.calls = [];
        await fs.rm(dir.file("new.md"));
        await until(() => ingest.calls.length > 0);
        expect(ingest.calls).toEqual([`removePath ${dir.file("new.md")}`]);
    });

    it("on start, watches the saved folders and catches up: re-scans them and removes documents whose file is gone", async () => {
        await writeFiles(dir.path, { "kept.md": "k" });
        meta.set(watchedFoldersKey, [dir.path, "relative/ignored"]);
        const gone = { id: "gone-id", sourcePath: dir.file("gone.md") } as LibraryDocument;
        const kept = { id: "kept-id", sourcePath: dir.file("kept.md") } as LibraryDocument;
        const elsewhere = { id: "elsewhere-id", sourcePath: "/elsewhere/x.md" } as LibraryDocument;
        ingest.documents = [gone, kept, elsewhere];
        const folders = watcher();
        await folders.start();
        expect(ingest.calls).toEqual([`add ${dir.path}`, "remove gone-id"]);

        ingest.calls = [];
        await fs.mkdir(dir.file("later"));
        await fs.writeFile(dir.file("later/added.txt"), "text");
        await until(() => ingest.calls.length > 0);
        expect(ingest.calls).toEqual([`add ${dir.file("later/added.txt")}`]);
    });

    it("passes on pictures once 'Read text in pictures found in folders' is on, and a rescan finds those already there", async () => {
        const folders = watcher();
        await folders.watchFolder(dir.path);
        await writeFiles(dir.path, { "before.png": "p", "note.md": "n" });
        await until(() => ingest.calls.length > 0);
        // Long enough for the picture's own events to have come and been passed over.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(ingest.calls).toEqual([`add ${dir.file("note.md")}`]);

        ingest.calls = [];
        ingest.pictures = true;
        await writeFiles(dir.path, { "scan.jpg": "j" });
        await until(() => ingest.calls.includes(`add ${dir.file("scan.jpg")}`));
        // The folder's listing, read again for the new file, may bring the earlier picture along: both are wanted now.
        expect(ingest.calls.every((call) => /\.(jpg|png)$/.test(call))).toBe(true);

        ingest.calls = [];
        await folders.rescan();
        expect(ingest.calls).toEqual([`add ${dir.path}`]);
    });

    it("stops watching a folder on request, and closes its watches on dispose", async () => {
        const folders = watcher();
        await folders.watchFolder(dir.path);
        await folders.unwatchFolder(dir.path);
        expect(folders.folders()).toEqual([]);
        await writeFiles(dir.path, { "after.md": "a" });
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(ingest.calls).toEqual([]);
        await folders.dispose();
    });
});
