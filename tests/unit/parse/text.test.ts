import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { sampleFiles } from "./support/sampleFiles.js";

const sample = "Café crème à la façade.\r\nSecond line — “quoted”.\n\nNaïve Straße, 10 €.\n";
const expected = [
    { text: "Café crème à la façade.\nSecond line — “quoted”.", headingPath: [] },
    { text: "Naïve Straße, 10 €.", headingPath: [] }
];

const samples = sampleFiles("text");
const parseBytes = samples.parse;

describe("plain-text parsing", () => {
    it.each([
        ["UTF-8", Buffer.from(sample, "utf8")],
        ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, "utf8")])],
        ["UTF-16LE with BOM", iconv.encode(sample, "utf-16le", { addBOM: true })],
        ["UTF-16BE with BOM", iconv.encode(sample, "utf-16be", { addBOM: true })],
        ["Windows-1252 (Latin-1)", iconv.encode(sample, "windows-1252")]
    ])("decodes %s into paragraphs", async (_encoding, bytes) => {
        const parsed = await parseBytes("letter.txt", bytes);
        expect(parsed).toEqual({ format: "text", sections: expected });
    });

    it("decodes ISO-8859-1 text without a byte-order mark", async () => {
        const parsed = await parseBytes("latin1.txt", iconv.encode("Le café est très bon à Paris. Où est la gare?", "latin1"));
        expect(parsed.sections[0]?.text).toBe("Le café est très bon à Paris. Où est la gare?");
    });

    it("recognizes UTF-16LE without a byte-order mark", async () => {
        const parsed = await parseBytes("exported.txt", iconv.encode("Exported from an old tool.\r\n", "utf-16le"));
        expect(parsed.sections).toEqual([{ text: "Exported from an old tool.", headingPath: [] }]);
    });

    it("still reads a text file that contains a stray NUL byte", async () => {
        const parsed = await parseBytes("notes.txt", Buffer.from(`${"Plain notes. ".repeat(200)}\u0000end`));
        expect(parsed.sections[0]?.text.startsWith("Plain notes.")).toBe(true);
    });

    it("reads text files with other extensions, or none, as text", async () => {
        expect((await parseBytes("server.log", Buffer.from("started\nready\n"))).sections).toEqual([{ text: "started\nready", headingPath: [] }]);
        expect((await parseBytes("README", Buffer.from("Read me first."))).format).toBe("text");
    });

    it("cuts a huge paragraph into bounded sections while streaming", async () => {
        const line = `${"word ".repeat(2_000)}\n`;
        const parsed = await parseBytes("big.txt", Buffer.from(line.repeat(300)));
        expect(parsed.sections.length).toBeGreaterThan(1);
        expect(Math.max(...parsed.sections.map((section) => section.text.length))).toBeLessThan(1_100_000);
        expect(parsed.sections.reduce((sum, section) => sum + section.text.length, 0)).toBeGreaterThan(2_900_000);
    });

    it.each([
        ["anim.gif", Buffer.from("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000"), /"anim\.gif" is a GIF image/],
        ["tool.bin", Buffer.from([0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0xfe, 0x00, 0x13, 0x37]), /binary file/],
        ["slides.odp", Buffer.from("PK\u0003\u0004rest of a presentation"), /an OpenDocument presentation.*Save it as PDF/],
        ["old.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old-format or password-protected Office file/]
    ])("refuses %s as unsupported, naming the supported types", async (name, bytes, message) => {
        await expect(parseBytes(name, bytes)).rejects.toMatchObject({
            name: "UnsupportedDocumentError",
            kind: "unsupported-format",
            message: expect.stringMatching(message)
        });
        await expect(parseBytes(name, bytes)).rejects.toThrow(/Supported: PDF, Word \(\.docx\), PowerPoint \(\.pptx\), Excel \(\.xlsx\), OpenDocument \(\.odt, \.ods\), EPUB, RTF, e-mail/);
    });
});
