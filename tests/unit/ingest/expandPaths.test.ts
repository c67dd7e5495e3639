import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expandPaths } from "../../../src-main/ingest/expandPaths.js";
import { isIndexableFileName, isTempName } from "../../../src-main/ingest/fileFilters.js";
import { TooManyFilesError } from "../../../src-main/ingest/TooManyFilesError.js";
import { makeTempDir } from "../parse/support/tempDir.js";
import { writeFiles } from "./support/fakes.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
    dir = await makeTempDir("expand");
});
afterEach(async () => {
    await dir.remove();
});

const names = (files: Array<{ path: string }>): string[] => files.map((file) => path.relative(dir.path, file.path)).sort();

describe("expanding added paths into files to queue", () => {
    it("walks folders recursively, keeping supported types and counting the rest as skipped", async () => {
        await writeFiles(dir.path, {
            "a.md": "# A", "b.TXT": "b", "notes/c.pdf": "%PDF-", "notes/deep/d.docx": "x", "notes/deep/e.html": "<p>e</p>",
            "photo.png": "png", "archive.zip": "zip", "data.xyz": "xyz"
        });
        const result = await expandPaths([dir.path]);
        expect(names(result.files)).toEqual(["a.md", "b.TXT", "notes/c.pdf", "notes/deep/d.docx", "notes/deep/e.html"]);
        expect(result.skippedUnsupported).toBe(3);
        expect(result.folders).toEqual([dir.path]);
        expect(result.notFound).toEqual([]);
        const a = result.files.find((file) => file.path.endsWith("a.md"))!;
        expect(a.sizeBytes).toBe(3);
        expect(Number.isInteger(a.mtimeMs)).toBe(true);
    });

    it("collects pictures from folders only with 'Read text in pictures found in folders' on", async () => {
        await writeFiles(dir.path, { "a.md": "# A", "scans/receipt.PNG": "png", "scans/page.jpeg": "jpg", "photo.jpg": "jpg", "clip.gif": "gif" });
        const off = await expandPaths([dir.path]);
        expect(names(off.files)).toEqual(["a.md"]);
        expect(off.skippedUnsupported).toBe(4);
        const on = await expandPaths([dir.path], { pictures: true });
        expect(names(on.files)).toEqual(["a.md", "photo.jpg", "scans/page.jpeg", "scans/receipt.PNG"]);
        expect(on.skippedUnsupported).toBe(1);
        expect(isIndexableFileName("/x/scan.png", { pictures: true })).toBe(true);
        expect(isIndexableFileName("/x/.scan.png", { pictures: true })).toBe(false);
    });

    it("passes over hidden and temporary files and folders inside a folder", async () => {
        await writeFiles(dir.path, {
            ".hidden.md": "h", ".git/config.txt": "g", "~$report.docx": "lock", "draft.md~": "bak", "x.txt.swp": "s",
            "dl.pdf.crdownload": "p", "kept.md": "k", "sub/.cache/inner.txt": "i"
        });
        const result = await expandPaths([dir.path]);
        expect(names(result.files)).toEqual(["kept.md"]);
        expect(result.skippedUnsupported).toBe(0);
    });

    it("keeps a file added explicitly whatever its type or name, so the parser can say why it fails", async () => {
        await writeFiles(dir.path, { "data.xyz": "xyz", ".hidden.md": "h" });
        const result = await expandPaths([dir.file("data.xyz"), dir.file(".hidden.md")]);
        expect(names(result.files)).toEqual([".hidden.md", "data.xyz"]);
        expect(result.skippedUnsupported).toBe(0);
    });

    it("ends on a symbolic link loop and visits a file reached twice only once", async () => {
        await writeFiles(dir.path, { "docs/a.md": "a" });
        await fs.symlink(dir.path, dir.file("docs/loop"));
        await fs.symlink(dir.file("docs/a.md"), dir.file("alias.md"));
        await fs.symlink(dir.file("missing.md"), dir.file("dangling.md"));
        const result = await expandPaths([dir.path, dir.file("docs")]);
        expect(result.files).toHaveLength(1);
        expect(result.notFound).toEqual([]);
    });

    it("reports paths that do not exist and refuses a folder with more files than allowed", async () => {
        await writeFiles(dir.path, { "a.md": "a", "b.md": "b", "c.md": "c" });
        const missing = dir.file("nope");
        expect((await expandPaths([missing, dir.file("a.md")])).notFound).toEqual([missing]);
        await expect(expandPaths([dir.path], { maxFiles: 2 })).rejects.toBeInstanceOf(TooManyFilesError);
        await expect(expandPaths([dir.path], { maxFiles: 2 })).rejects.toThrow(/more than 2 documents/);
    });

    it("names temporary files and supported types consistently for the folder watcher", () => {
        expect(isTempName("~$budget.docx")).toBe(true);
        expect(isTempName("report.pdf.part")).toBe(true);
        expect(isTempName("report.pdf")).toBe(false);
        expect(isIndexableFileName("/x/README.markdown")).toBe(true);
        expect(isIndexableFileName("/x/.notes.md")).toBe(false);
        expect(isIndexableFileName("/x/image.jpeg")).toBe(false);
    });
});
