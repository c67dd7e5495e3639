import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../../src-main/ingest/parse/parseDocumentFile.js";
import { defaultParseLimits } from "../../../src-main/ingest/parse/types.js";
import { writeScannedPdf, writeTextPdf } from "./support/samplePdf.js";
import { makeTempDir } from "./support/tempDir.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
    dir = await makeTempDir("pdf");
});
afterAll(async () => {
    await dir.remove();
});

describe("PDF parsing", () => {
    it("returns one section per page, with its page number and lines", async () => {
        const path = dir.file("report.pdf");
        await writeTextPdf(
            path,
            [["Quarterly report", "Revenue grew by 12 percent."], ["Costs fell in March."], ["Outlook: stable demand."]],
            "Q1 Report"
        );
        const parsed = await parseDocumentFile(path, defaultParseLimits);
        expect(parsed.format).toBe("pdf");
        expect(parsed.title).toBe("Q1 Report");
        expect(parsed.sections).toEqual([
            { text: "Quarterly report\nRevenue grew by 12 percent.", page: 1, headingPath: [] },
            { text: "Costs fell in March.", page: 2, headingPath: [] },
            { text: "Outlook: stable demand.", page: 3, headingPath: [] }
        ]);
    });

    it("skips blank pages but keeps the page numbers of the others", async () => {
        const path = dir.file("gaps.pdf");
        await writeTextPdf(path, [["First page"], [], ["Third page"]]);
        const parsed = await parseDocumentFile(path, defaultParseLimits);
        expect(parsed.sections.map((section) => [section.page, section.text])).toEqual([
            [1, "First page"],
            [3, "Third page"]
        ]);
    });

    it("reads a PDF whose name says .txt, by its content", async () => {
        const path = dir.file("misnamed.txt");
        await writeTextPdf(path, [["Hidden PDF"]]);
        expect((await parseDocumentFile(path, defaultParseLimits)).format).toBe("pdf");
    });

    it("reports a scanned PDF whose pages hold no recognizable words as scanned, naming the languages read", async () => {
        const path = dir.file("scan.pdf");
        await writeScannedPdf(path, 2);
        await expect(parseDocumentFile(path, defaultParseLimits)).rejects.toMatchObject({
            name: "ScannedPdfError",
            kind: "scanned-pdf",
            message: expect.stringMatching(/"scan\.pdf" is scanned, and text recognition found no words on any of its 2 pages in English/)
        });
    });
});
