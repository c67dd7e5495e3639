import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AttachmentUploads } from "../../../src-main/chat/attachments/AttachmentUploads.js";
import type { LibraryDocumentInfo } from "../../../src-main/common/contract/libraryTypes.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function uploads() {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "locus-attach-"));
    dirs.push(folder);
    const added: string[][] = [];
    const addToLibrary = vi.fn(async (paths: string[]) => {
        added.push(paths);
        return paths.map((file, index) => ({ id: `doc${index}`, displayName: path.basename(file) }) as LibraryDocumentInfo);
    });
    return { folder, added, addToLibrary, uploads: new AttachmentUploads({ folder, addToLibrary, chatExists: (id) => id === "chat1" }) };
}

const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("attachments dropped on a chat", () => {
    it("writes the pieces in order into the data folder under the file's own name, then adds it to the library", async () => {
        const { folder, added, uploads: u } = uploads();
        const { uploadId } = await u.begin("chat1", "Trip notes.md", 11);
        await u.chunk(uploadId, 0, b64("hello "));
        await u.chunk(uploadId, 6, b64("world"));
        const { chatId, documents } = await u.finish(uploadId);
        expect(chatId).toBe("chat1");
        expect(documents.map((d) => d.displayName)).toEqual(["Trip notes.md"]);
        expect(added).toHaveLength(1);
        const [file] = added[0]!;
        expect(path.dirname(path.dirname(file!))).toBe(folder);
        expect(fs.readFileSync(file!, "utf8")).toBe("hello world");
    });

    it("refuses a type Locus cannot read at once, naming the file and what it can read, writing nothing", async () => {
        const { folder, uploads: u, addToLibrary } = uploads();
        await expect(u.begin("chat1", "song.mp3", 1000)).rejects.toThrow(/cannot read \.mp3 files \(song\.mp3\).*PDF/);
        await expect(u.begin("chat1", "Makefile", 10)).rejects.toThrow(/files without an extension/);
        expect(fs.readdirSync(folder)).toEqual([]);
        expect(addToLibrary).not.toHaveBeenCalled();
    });

    it("takes every type Locus reads one by one: office formats, e-mail, tables and pictures of text (read by recognition)", async () => {
        const { uploads: u } = uploads();
        for (const name of ["deck.pptx", "sheet.xlsx", "book.epub", "mail.eml", "table.csv", "scan.png", "photo.JPG"])
            await expect(u.begin("chat1", name, 10)).resolves.toMatchObject({ uploadId: expect.any(String) });
    });

    it("refuses a piece out of order or beyond the announced size, and an incomplete file at the end", async () => {
        const { uploads: u, addToLibrary } = uploads();
        const { uploadId } = await u.begin("chat1", "a.txt", 4);
        await expect(u.chunk(uploadId, 2, b64("xy"))).rejects.toThrow(/at byte 0, got one at byte 2/);
        await expect(u.chunk(uploadId, 0, b64("too long"))).rejects.toThrow(/longer than announced/);
        await u.chunk(uploadId, 0, b64("ab"));
        await expect(u.finish(uploadId)).rejects.toThrow(/incomplete \(2 of 4 bytes\)/);
        expect(addToLibrary).not.toHaveBeenCalled();
        await expect(u.chunk(uploadId, 2, b64("cd"))).rejects.toThrow(/no longer in progress/);
    });

    it("refuses an upload to a chat that does not exist, and cancels cleanly", async () => {
        const { folder, uploads: u } = uploads();
        await expect(u.begin("gone", "a.txt", 4)).rejects.toThrow(/chat no longer exists/);
        const { uploadId } = await u.begin("chat1", "a.txt", 4);
        await u.cancel(uploadId);
        expect(fs.readdirSync(path.join(folder, ".partial"))).toEqual([]);
    });
});
