import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CorruptDocumentError } from "../../../src-main/ingest/parse/errors/CorruptDocumentError.js";
import { DocumentTooLargeError } from "../../../src-main/ingest/parse/errors/DocumentTooLargeError.js";
import { EmptyDocumentError } from "../../../src-main/ingest/parse/errors/EmptyDocumentError.js";
import { maxCellChars } from "../../../src-main/ingest/parse/table/describeRow.js";
import { defaultParseLimits } from "../../../src-main/ingest/parse/types.js";
import { sampleFiles } from "./support/sampleFiles.js";

const samples = sampleFiles("csv");
const parseBytes = samples.parse;

describe("CSV tables", () => {
    it("reads each row under its header, in sections named by their row numbers, quoted commas and line breaks kept", async () => {
        const csv = 'Name,Role,Office\nAda Lovelace,"Engineer, analytical",London\nGrace Hopper,"Rear admiral\nand teacher",\n\n';
        const parsed = await parseBytes("staff.csv", csv);
        expect(parsed).toEqual({
            format: "table", title: "staff",
            sections: [{
                text: "Name: Ada Lovelace; Role: Engineer, analytical; Office: London\nName: Grace Hopper; Role: Rear admiral and teacher",
                headingPath: ["Rows 2–3"]
            }]
        });
    });

    it("reads a semicolon table saved by Excel in Windows-1252, and a TSV", async () => {
        const parsed = await parseBytes("prix.csv", iconv.encode("Produit;Prix\nCafé crème;2,50 €\n", "windows-1252"));
        expect(parsed.sections[0]!.text).toBe("Produit: Café crème; Prix: 2,50 €");
        const tsv = await parseBytes("list.tsv", "a\tb\n1\t2\n");
        expect(tsv.sections[0]!.text).toBe("a: 1; b: 2");
    });

    it("hostile tables: a huge cell is cut, a row of 100,000 columns keeps the first 200, an unclosed quote and an oversized file fail with reasons", async () => {
        const huge = await parseBytes("huge.csv", `note\n${"x".repeat(200_000)}\n`);
        expect(huge.sections[0]!.text.length).toBeLessThanOrEqual("note: ".length + maxCellChars);
        expect(huge.sections[0]!.text.endsWith("…")).toBe(true);

        const wide = await parseBytes("wide.csv", `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",")}\n${Array.from({ length: 100_000 }, () => "v").join(",")}\n`);
        expect(wide.sections[0]!.text.split("; ")).toHaveLength(200);

        const unclosed = parseBytes("unclosed.csv", `a,b\n"${"y".repeat(2_000_000)}`);
        await expect(unclosed).rejects.toBeInstanceOf(CorruptDocumentError);
        await expect(unclosed).rejects.toThrow(/"unclosed.csv" could not be read as a CSV table/);

        await expect(parseBytes("big.csv", "a,b\n1,2\n".repeat(200_000), { ...defaultParseLimits, maxBytes: 1024 * 1024 }))
            .rejects.toBeInstanceOf(DocumentTooLargeError);
        await expect(parseBytes("header-only.csv", "a,b,c\n")).rejects.toBeInstanceOf(EmptyDocumentError);
    });
});
