import { mkdir, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorruptDocumentError } from "../../../src-main/ingest/parse/errors/CorruptDocumentError.js";
import { DocumentTooLargeError } from "../../../src-main/ingest/parse/errors/DocumentTooLargeError.js";
import { EmptyDocumentError } from "../../../src-main/ingest/parse/errors/EmptyDocumentError.js";
import { ScannedPdfError } from "../../../src-main/ingest/parse/errors/ScannedPdfError.js";
import { TooManyPagesError } from "../../../src-main/ingest/parse/errors/TooManyPagesError.js";
import { UnreadableDocumentError } from "../../../src-main/ingest/parse/errors/UnreadableDocumentError.js";
import { ZipBombError } from "../../../src-main/ingest/parse/errors/ZipBombError.js";
import { ParserClient } from "../../../src-main/ingest/parse/ParserClient.js";
import { buildDocx, paragraph } from "./support/sampleDocx.js";
import { writeScannedPdf, writeTextPdf } from "./support/samplePdf.js";
import { makeTempDir } from "./support/tempDir.js";
import { understateZipEntry } from "./support/understateZipEntry.js";

// Every hostile file goes through the real worker process: the point is that none of them can take
// down the caller, and each ends with a named error (rebuilt on this side) or a safe result.
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let parser: ParserClient;
beforeAll(async () => {
    dir = await makeTempDir("hostile");
    parser = new ParserClient();
});
afterAll(async () => {
    await parser.dispose();
    await dir.remove();
});

const bombSize = 48 * 1024 * 1024;
const bombLimits = { maxInflatedBytes: 4 * 1024 * 1024 };

async function bombDocx(entryName: string): Promise<Buffer> {
    return buildDocx({ body: paragraph("Harmless looking."), parts: { [entryName]: Buffer.alloc(bombSize, 0x20) } }, 9);
}

describe("hostile and broken files", { timeout: 60_000 }, () => {
    it("reports a truncated PDF as corrupt", async () => {
        const bytes = await writeTextPdf(dir.file("whole.pdf"), [["one"], ["two"], ["three"]]);
        await writeFile(dir.file("truncated.pdf"), bytes.subarray(0, Math.floor(bytes.length / 2)));
        const parse = parser.parse(dir.file("truncated.pdf"));
        await expect(parse).rejects.toBeInstanceOf(CorruptDocumentError);
        await expect(parse).rejects.toThrow(/"truncated\.pdf" could not be read as a PDF.*save a fresh copy/);
    });

    it.each([
        ["random bytes named .pdf", randomBytes(4096)],
        ["a PDF header followed by garbage", Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(4096)])]
    ])("reports %s as corrupt", async (_case, bytes) => {
        await writeFile(dir.file("fake.pdf"), bytes);
        await expect(parser.parse(dir.file("fake.pdf"))).rejects.toMatchObject({ name: "CorruptDocumentError", kind: "corrupt" });
    });

    it("reports an empty file clearly", async () => {
        await writeFile(dir.file("nothing.txt"), "");
        const parse = parser.parse(dir.file("nothing.txt"));
        await expect(parse).rejects.toBeInstanceOf(EmptyDocumentError);
        await expect(parse).rejects.toThrow('"nothing.txt" is empty (0 bytes)');
    });

    it("stops a DOCX zip bomb while inflating", async () => {
        await writeFile(dir.file("bomb.docx"), await bombDocx("word/bomb.xml"));
        const parse = parser.parse(dir.file("bomb.docx"), bombLimits);
        await expect(parse).rejects.toBeInstanceOf(ZipBombError);
        await expect(parse).rejects.toMatchObject({ kind: "zip-bomb", details: { unit: "bytes", limit: bombLimits.maxInflatedBytes } });
    });

    it("counts the bytes actually inflated, not the sizes a zip declares", async () => {
        const lying = understateZipEntry(await bombDocx("word/bomb.xml"), "word/bomb.xml", 1_000);
        await writeFile(dir.file("lying.docx"), lying);
        await expect(parser.parse(dir.file("lying.docx"), bombLimits)).rejects.toBeInstanceOf(ZipBombError);
    });

    it("never unpacks media, so a bomb hidden in an image is harmless", async () => {
        await writeFile(dir.file("media-bomb.docx"), await bombDocx("word/media/huge.png"));
        const parsed = await parser.parse(dir.file("media-bomb.docx"), bombLimits);
        expect(parsed.sections).toEqual([{ text: "Harmless looking.", headingPath: [] }]);
    });

    it("refuses a file over the size limit before reading it", async () => {
        await writeFile(dir.file("long.txt"), "x".repeat(10_000));
        const parse = parser.parse(dir.file("long.txt"), { maxBytes: 1_000 });
        await expect(parse).rejects.toBeInstanceOf(DocumentTooLargeError);
        await expect(parse).rejects.toThrow(/"long\.txt" is 9\.8 KB, over the 1000 bytes limit.*Split it/);
    });

    it("refuses a PDF over the page limit", async () => {
        await writeTextPdf(dir.file("pages.pdf"), [["a"], ["b"], ["c"], ["d"]]);
        await expect(parser.parse(dir.file("pages.pdf"), { maxPages: 3 })).rejects.toMatchObject({
            constructor: TooManyPagesError,
            details: { pageCount: 4, limit: 3 }
        });
    });

    it("reads 100,000 nested divs safely", async () => {
        const depth = 100_000;
        await writeFile(dir.file("deep.html"), `<html><body>${"<div>".repeat(depth)}bottom${"</div>".repeat(depth)}</body></html>`);
        const parsed = await parser.parse(dir.file("deep.html"));
        expect(parsed.sections).toEqual([{ text: "bottom", headingPath: [] }]);
    });

    it("reports a PDF without text as scanned, with its page count", async () => {
        await writeScannedPdf(dir.file("scan.pdf"), 3);
        const parse = parser.parse(dir.file("scan.pdf"));
        await expect(parse).rejects.toBeInstanceOf(ScannedPdfError);
        await expect(parse).rejects.toMatchObject({ details: { fileName: "scan.pdf", pageCount: 3 } });
    });

    it("reports missing files and folders as unreadable", async () => {
        await expect(parser.parse(dir.file("gone.pdf"))).rejects.toMatchObject({ constructor: UnreadableDocumentError, details: { code: "ENOENT" } });
        await mkdir(dir.file("folder.md"));
        await expect(parser.parse(dir.file("folder.md"))).rejects.toThrow(/"folder\.md" could not be opened because it is a folder/);
    });

    it("still parses a good file after all of the above", async () => {
        await writeFile(dir.file("fine.md"), "# Fine\nStill working.\n");
        expect((await parser.parse(dir.file("fine.md"))).sections).toEqual([{ text: "Still working.", headingPath: ["Fine"] }]);
    });
});
