import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ParserClient } from "../../../src-main/ingest/parse/ParserClient.js";
import type { ParseProgress } from "../../../src-main/ingest/parse/parseSchemas.js";
import { workerEntry } from "../../../src-main/workers/workerEntry.js";
import { renderTextImage, writeScanPdf } from "./support/sampleScan.js";
import { writeScannedPdf } from "./support/samplePdf.js";
import { makeTempDir } from "./support/tempDir.js";

// Text recognition in the real parser process, with every network call trapped: a scanned page's
// text must come back from the installed language data alone.
const tripwire = fileURLToPath(new URL("./support/networkTripwire.cjs", import.meta.url));
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let parser: ParserClient;
let tripLog: string;
beforeAll(async () => {
    dir = await makeTempDir("ocr");
    tripLog = dir.file("network-calls.log");
    const entry = workerEntry(new URL("../../../src-main/ingest/parse/ParserClient.ts", import.meta.url).href, "parserWorker");
    const spawnEnv = { ...process.env, LOCUS_TRIPWIRE_LOG: tripLog };
    parser = new ParserClient({ entry: { ...entry, execArgv: ["--require", tripwire, ...entry.execArgv] } });
    process.env["LOCUS_TRIPWIRE_LOG"] = spawnEnv.LOCUS_TRIPWIRE_LOG;
});
afterAll(async () => {
    await parser.dispose();
    delete process.env["LOCUS_TRIPWIRE_LOG"];
    await dir.remove();
});

const normalize = (text: string): string => text.replace(/\s+/g, " ").trim();

describe("scanned pages read offline by text recognition", { timeout: 180_000 }, () => {
    it("the network tripwire itself catches fetch, TCP and DNS in a process and its threads (so its silence below means something)", () => {
        const log = dir.file("tripwire-self-check.log");
        const script = "const { Worker } = require('node:worker_threads'); fetch('http://example.invalid/').catch(() => {}); " +
            "try { require('node:net').connect(80, 'example.invalid'); } catch {} new Worker(\"require('node:dns').lookup('example.invalid', () => {})\", { eval: true }).on('error', () => {});";
        execFileSync(process.execPath, ["--require", tripwire, "-e", script], { env: { ...process.env, LOCUS_TRIPWIRE_LOG: log } });
        const calls = readFileSync(log, "utf8");
        expect(calls).toContain("fetch http://example.invalid/");
        expect(calls).toContain("net.Socket.connect");
        expect(calls).toContain("dns.lookup");
    });

    it("reads a generated scanned PDF page by page, citations on their pages, progress after each page, and no network call", async () => {
        const path = dir.file("scan.pdf");
        await writeScanPdf(path, [["The lighthouse keeper arrived in March 1911."], ["Invoice number 4711 is due on Friday."]]);
        const progress: ParseProgress[] = [];
        const parsed = await parser.parse(path, {}, { onProgress: (report) => progress.push(report) });
        expect(parsed.format).toBe("pdf");
        expect(parsed.sections.map((section) => ({ page: section.page, text: normalize(section.text) }))).toEqual([
            { page: 1, text: "The lighthouse keeper arrived in March 1911." },
            { page: 2, text: "Invoice number 4711 is due on Friday." }
        ]);
        expect(progress).toEqual([{ stage: "ocr", page: 0, pages: 2 }, { stage: "ocr", page: 1, pages: 2 }, { stage: "ocr", page: 2, pages: 2 }]);
        expect(existsSync(tripLog) ? readFileSync(tripLog, "utf8") : "no network call").toBe("no network call");
    });

    it("a typed cover page followed by scanned pages: the typed text kept, the scanned pages recognized, all in page order", async () => {
        const path = dir.file("mixed.pdf");
        await writeScanPdf(path, [["Payment is due within thirty days."]], "Cover sheet of the contract");
        const parsed = await parser.parse(path);
        expect(parsed.sections.map((section) => ({ page: section.page, text: normalize(section.text) }))).toEqual([
            { page: 1, text: "Cover sheet of the contract" },
            { page: 2, text: "Payment is due within thirty days." }
        ]);
    });

    it("reads PNG and JPEG pictures of text as page 1, in the language chosen (French accents with the French data)", async () => {
        await writeFile(dir.file("note.png"), renderTextImage(["Meeting moved to Tuesday at 10:30."]));
        const png = await parser.parse(dir.file("note.png"));
        expect(png).toMatchObject({ format: "image", title: "note", sections: [{ page: 1, headingPath: [] }] });
        expect(normalize(png.sections[0]!.text)).toBe("Meeting moved to Tuesday at 10:30.");
        await writeFile(dir.file("lettre.jpg"), renderTextImage(["Le château était fermé pendant l'été."], "jpeg"));
        const french = await parser.parse(dir.file("lettre.jpg"), { ocrLanguages: ["fra"] });
        expect(normalize(french.sections[0]!.text)).toBe("Le château était fermé pendant l'été.");
        expect(existsSync(tripLog) ? readFileSync(tripLog, "utf8") : "no network call").toBe("no network call");
    });

    it("an image that is not an image, or claims to be gigantic, fails with a reason naming the file", async () => {
        await writeFile(dir.file("broken.png"), Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.from("garbage where the header should be")]));
        await expect(parser.parse(dir.file("broken.png"))).rejects.toThrow(/"broken\.png" could not be read as a PNG image/);
        const header = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
        const size = Buffer.alloc(8);
        size.writeUInt32BE(100_000, 0);
        size.writeUInt32BE(100_000, 4);
        await writeFile(dir.file("huge.png"), Buffer.concat([header, size, Buffer.alloc(64)]));
        await expect(parser.parse(dir.file("huge.png"))).rejects.toMatchObject({
            name: "ImageTooLargeError", message: expect.stringMatching(/"huge\.png" is 100,000 × 100,000 pixels.*Scale it down/)
        });
        await writeFile(dir.file("photo.jpg"), "just some text in a file named like a photo");
        await expect(parser.parse(dir.file("photo.jpg"))).rejects.toThrow(/"photo\.jpg" could not be read as a JPEG image \(it is not a PNG or JPEG picture inside\)/);
    });

    it("a scan over the page limit is refused before any page is read; a scan with no words names the languages and what to do", async () => {
        await writeScannedPdf(dir.file("long-scan.pdf"), 3);
        await expect(parser.parse(dir.file("long-scan.pdf"), { maxScannedPages: 2 })).rejects.toThrow(
            /"long-scan\.pdf" is scanned \(no text on any of its 3 pages\), and reading 3 pages by text recognition is over the limit of 2\. Raise "Most scanned pages" in Settings > Documents/
        );
        await expect(parser.parse(dir.file("long-scan.pdf"))).rejects.toMatchObject({
            name: "ScannedPdfError", message: expect.stringMatching(/text recognition found no words on any of its 3 pages in English\. If it is in another language, choose that language in Settings > Documents/)
        });
    });
});
