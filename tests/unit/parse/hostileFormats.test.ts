import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ParserClient } from "../../../src-main/ingest/parse/ParserClient.js";
import { maxCellChars, maxColumns } from "../../../src-main/ingest/parse/table/describeRow.js";
import type { ParseLimits } from "../../../src-main/ingest/parse/types.js";
import { buildMail, buildMbox } from "./support/sampleMail.js";
import { buildEpub, buildOpenDocument, buildPptx, buildXlsx, buildZip } from "./support/sampleOffice.js";
import { makeTempDir } from "./support/tempDir.js";
import { understateZipEntry } from "./support/understateZipEntry.js";

// Hostile variants of every new format, each through the real worker process: every one ends indexed
// (what could be read) or failed with a named error whose message names the file and what to do.
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let parser: ParserClient;
beforeAll(async () => {
    dir = await makeTempDir("hostile-formats");
    parser = new ParserClient();
});
afterAll(async () => {
    await parser.dispose();
    await dir.remove();
});

async function parse(name: string, bytes: Buffer | string, limits: Partial<ParseLimits> = {}) {
    const path = dir.file(name);
    await writeFile(path, bytes);
    return parser.parse(path, limits);
}

const bombLimits = { maxInflatedBytes: 4 * 1024 * 1024 };
const bomb = Buffer.alloc(48 * 1024 * 1024, 0x20);
const deep = (open: string, close: string, depth: number): string => open.repeat(depth) + "x" + close.repeat(depth);

describe("hostile PowerPoint, Excel, OpenDocument, EPUB, RTF and e-mail files", { timeout: 120_000 }, () => {
    it.each([
        ["deck.pptx", () => buildPptx([{ title: "Hi", lines: ["one"] }], { extra: { "ppt/slides/slide9.xml": bomb } })],
        ["book.xlsx", () => buildXlsx([{ name: "S", rows: [["a"], ["b"]] }], { "xl/worksheets/sheet1.xml": bomb })],
        ["sheet.ods", async () => buildZip({ "content.xml": bomb }, { mimetype: "application/vnd.oasis.opendocument.spreadsheet", level: 9 })],
        ["letter.odt", async () => buildZip({ "content.xml": bomb }, { mimetype: "application/vnd.oasis.opendocument.text", level: 9 })],
        ["novel.epub", () => buildEpub("T", [{ label: "One", html: "<p>x</p>" }], { "OEBPS/text/chapter 1.xhtml": bomb })]
    ])("a zip bomb named %s is refused, naming the file and the setting to raise", async (name, build) => {
        const parsing = parse(name, await build(), bombLimits);
        await expect(parsing).rejects.toMatchObject({ name: "ZipBombError", kind: "zip-bomb" });
        await expect(parsing).rejects.toThrow(new RegExp(`"${name.replace(".", "\\.")}" unpacks to more than 4 MB.*Largest unpacked size`));
    });

    it("a workbook whose sheet lies about its unpacked size is still stopped at the limit", async () => {
        const xlsx = await buildXlsx([{ name: "S", rows: [["a"], ["b"]] }], { "xl/worksheets/sheet1.xml": bomb });
        await expect(parse("liar.xlsx", understateZipEntry(xlsx, "xl/worksheets/sheet1.xml", 100), bombLimits)).rejects.toMatchObject({ name: "ZipBombError" });
    });

    it("XML nested a million levels deep fails fast as corrupt, naming the file", async () => {
        const started = Date.now();
        const xlsx = await buildXlsx([{ name: "S", rows: [["a"]] }], { "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${deep("<row>", "</row>", 1_000_000)}</sheetData></worksheet>` });
        const parsing = parse("deep.xlsx", xlsx);
        await expect(parsing).rejects.toMatchObject({ name: "CorruptDocumentError" });
        await expect(parsing).rejects.toThrow(/"deep\.xlsx" could not be read as an Excel workbook \(its XML nests deeper than 1,000 levels\).*save a fresh copy/);
        expect(Date.now() - started).toBeLessThan(30_000);
    });

    it("deep nesting elsewhere still ends readable: an e-book chapter of 100,000 nested divs, an RTF of 300,000 nested groups", async () => {
        const epub = await parse("deep.epub", await buildEpub("Deep", [{ label: "One", html: deep("<div>", "</div>", 100_000).replace("x", "<p>Still here.</p>") }]));
        expect(epub.sections.map((section) => section.text).join(" ")).toContain("Still here.");
        const rtf = await parse("deep.rtf", `{\\rtf1 ${deep("{", "}", 300_000).replace("x", "Deep words.")}}`);
        expect(rtf.sections[0]?.text).toBe("Deep words.");
    });

    it("huge cells are cut and endless columns capped: a 5 MB Excel cell, an OpenDocument cell repeated 16,384 times", async () => {
        const xlsx = await parse("huge.xlsx", await buildXlsx([{ name: "S", rows: [["note"], ["y".repeat(5_000_000)]] }]));
        expect(xlsx.sections[0]?.text.length).toBeLessThanOrEqual("note: ".length + maxCellChars);
        expect(xlsx.sections[0]?.text.endsWith("…")).toBe(true);
        const row = (cells: string) => `<table:table-row>${cells}</table:table-row>`;
        const body = `<table:table table:name="T">${row('<table:table-cell table:number-columns-repeated="16384"><text:p>h</text:p></table:table-cell>')}` +
            `${row('<table:table-cell table:number-columns-repeated="16384"><text:p>v</text:p></table:table-cell>')}</table:table>`;
        const ods = await parse("wide.ods", await buildOpenDocument("spreadsheet", body));
        expect(ods.sections[0]?.text.split("; ")).toHaveLength(maxColumns);
    });

    it("broken encodings end readable: invalid UTF-8 in shared strings, an unknown mail charset, an RTF with a made-up code page", async () => {
        const strings = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst><si><t>Name</t></si><si><t>Caf'), Buffer.from([0xe9, 0xff]), Buffer.from(" ok</t></si></sst>")]);
        const xlsx = await buildXlsx([{ name: "S", rows: [["Name"], ["x"]] }], { "xl/sharedStrings.xml": strings });
        expect((await parse("badutf8.xlsx", xlsx)).sections[0]?.text).toMatch(/^Name: Caf\uFFFD+ ok$/);
        const mail = buildMail({ from: "a@example.com", subject: "Odd", text: "plain words" }).toString("latin1").replace("charset=utf-8", "charset=x-no-such-charset");
        expect((await parse("odd.eml", Buffer.from(mail, "latin1"))).sections[0]?.text).toContain("plain words");
        const rtf = await parse("cp.rtf", "{\\rtf1\\ansi\\ansicpg99999 Caf\\'e9 text\\par}");
        expect(rtf.sections[0]?.text).toMatch(/^Caf.? text$/);
    });

    it("a presentation over the page limit is refused with the slide count and both ways out", async () => {
        const slides = Array.from({ length: 12 }, (_, index) => ({ title: `S${String(index)}`, lines: ["x"] }));
        await expect(parse("long.pptx", await buildPptx(slides), { maxPages: 10 })).rejects.toThrow(
            /"long\.pptx" has 12 slides, over the limit of 10\. Split it into smaller presentations, or raise "Most pages" in Settings > Documents\./
        );
    });

    it("damaged packages fail as corrupt, naming the file: a truncated PPTX, an EPUB without its package document, a DRM-protected EPUB as encrypted", async () => {
        const pptx = await buildPptx([{ title: "Hi", lines: ["one"] }]);
        await expect(parse("cut.pptx", pptx.subarray(0, pptx.length - 40))).rejects.toThrow(/"cut\.pptx" could not be read as a PowerPoint presentation/);
        await expect(parse("bare.epub", await buildZip({ "a.xhtml": "<p>x</p>" }, { mimetype: "application/epub+zip" }))).rejects.toThrow(/"bare\.epub" could not be read as an EPUB e-book \(it has no package document\)/);
        const encryption = '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/text/chapter%201.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>';
        const drm = await buildEpub("Locked", [{ label: "One", html: "<p>x</p>" }], { "META-INF/encryption.xml": encryption });
        await expect(parse("locked.epub", drm)).rejects.toMatchObject({ name: "EncryptedDocumentError", message: expect.stringMatching(/"locked\.epub" is a password-protected EPUB e-book/) });
        await expect(parse("fake.xlsx", "not a zip at all")).rejects.toThrow(/"fake\.xlsx" could not be read as an Excel workbook \(it is not a zip package\)/);
    });

    it("a mailbox keeps its readable messages when one is garbage, and e-mail nested 2,000 MIME levels deep ends readable or failed", async () => {
        const good = buildMail({ from: "a@example.com", subject: "Kept", text: "kept words" });
        const garbage = Buffer.from([0xff, 0xfe, 0x80, 0x0a, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0x0a]);
        const other = buildMail({ from: "b@example.com", subject: "Kept too", text: "kept words" });
        const mbox = await parse("mixed.mbox", buildMbox([good, garbage, other]));
        expect(mbox.parts?.filter((part) => part.sections.some((section) => section.text.includes("kept words")))).toHaveLength(2);
        let nested = "deep words";
        for (let level = 0; level < 2_000; level++) nested = `Content-Type: multipart/mixed; boundary="b${String(level)}"\r\n\r\n--b${String(level)}\r\n${nested}\r\n--b${String(level)}--`;
        const deepMail = `From: a@example.com\r\nSubject: Deep\r\nMIME-Version: 1.0\r\n${nested}\r\n`;
        const outcome = await parse("deep.eml", deepMail).then((parsed) => parsed.title, (error: Error) => error.message);
        expect(outcome).toMatch(/^Deep$|"deep\.eml"/);
    });
});
