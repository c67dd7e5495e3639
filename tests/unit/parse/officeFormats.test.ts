import { describe, expect, it } from "vitest";
import { buildEpub, buildOpenDocument, buildPptx, buildXlsx, buildZip } from "./support/sampleOffice.js";
import { sampleFiles } from "./support/sampleFiles.js";

const samples = sampleFiles("office");
const parseBytes = samples.parse;

describe("PowerPoint, Excel, OpenDocument and EPUB files", () => {
    it("PPTX: one section per slide in show order, titled by the slide's title, speaker notes apart, slide number as the page", async () => {
        const pptx = await buildPptx([
            { title: "Quarterly results", lines: ["Revenue rose 12%", "Costs fell & margins grew"], notes: ["Mention the Lisbon office."] },
            { title: "Thank you", lines: [] },
            { lines: ["Appendix without a title"] }
        ], { order: [1, 0, 2], title: "Q3 review" });
        const parsed = await parseBytes("review.pptx", pptx);
        expect(parsed).toEqual({
            format: "presentation", title: "Q3 review",
            sections: [
                { text: "Thank you", page: 1, headingPath: ["Slide 1: Thank you"] },
                { text: "Revenue rose 12%\nCosts fell & margins grew", page: 2, headingPath: ["Slide 2: Quarterly results"] },
                { text: "Mention the Lisbon office.", page: 2, headingPath: ["Slide 2: Quarterly results", "Speaker notes"] },
                { text: "Appendix without a title", page: 3, headingPath: ["Slide 3"] }
            ]
        });
    });

    it("XLSX: each row under its sheet's header, sheet names and row numbers in the headings, dates, booleans and numbers as Excel shows them", async () => {
        const xlsx = await buildXlsx([
            { name: "Staff", rows: [["Name", "Started", "Remote", "Rate"], ["Ada", new Date(Date.UTC(2024, 2, 1)), true, 0.1 + 0.2], [null, null, null, null], ["Grace", new Date(Date.UTC(2023, 10, 15)), false, 42]] },
            { name: "Rooms", rows: [["Room", "Seats"], ["Lovelace", 12]], firstRow: 3 }
        ]);
        const parsed = await parseBytes("staff.xlsx", xlsx);
        expect(parsed).toEqual({
            format: "table", title: "staff",
            sections: [
                { text: "Name: Ada; Started: 2024-03-01; Remote: TRUE; Rate: 0.3\nName: Grace; Started: 2023-11-15; Remote: FALSE; Rate: 42", headingPath: ["Staff", "Rows 2–4"] },
                { text: "Room: Lovelace; Seats: 12", headingPath: ["Rooms", "Rows 4–4"] }
            ]
        });
    });

    it("ODS: each row under its table's header, displayed values, repeated cells and rows expanded, comments left out", async () => {
        const body = '<table:table table:name="Budget"><table:table-row><table:table-cell><text:p>Item</text:p></table:table-cell><table:table-cell><text:p>Cost</text:p></table:table-cell></table:table-row>' +
            '<table:table-row table:number-rows-repeated="2"><table:table-cell><text:p>Chair<office:annotation><text:p>secret remark</text:p></office:annotation></text:p></table:table-cell><table:table-cell office:value-type="currency" office:value="12.5"><text:p>12,50 €</text:p></table:table-cell></table:table-row>' +
            '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>';
        const parsed = await parseBytes("budget.ods", await buildOpenDocument("spreadsheet", body, "Budget 2025"));
        expect(parsed).toEqual({
            format: "table", title: "Budget 2025",
            sections: [{ text: "Item: Chair; Cost: 12,50 €\nItem: Chair; Cost: 12,50 €", headingPath: ["Budget", "Rows 2–3"] }]
        });
    });

    it("ODT: split at its headings with their outline levels, spaces, tabs and lists kept, tracked deletions left out", async () => {
        const body = '<text:h text:outline-level="1">Leave</text:h><text:p>Everyone gets<text:s text:c="2"/>25 days.</text:p>' +
            '<text:tracked-changes><text:changed-region><text:deletion><text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
            '<text:h text:outline-level="2">Sick leave</text:h><text:list><text:list-item><text:p>Call before 9am.</text:p></text:list-item><text:list-item><text:p>Bring a note.</text:p></text:list-item></text:list>';
        const parsed = await parseBytes("handbook.odt", await buildOpenDocument("text", body, "Handbook"));
        expect(parsed).toEqual({
            format: "odt", title: "Handbook",
            sections: [
                { text: "Everyone gets  25 days.", headingPath: ["Leave"] },
                { text: "Call before 9am.\n\nBring a note.", headingPath: ["Leave", "Sick leave"] }
            ]
        });
    });

    it("EPUB: chapters in reading order as sections named from the table of contents, pictures never read", async () => {
        const epub = await buildEpub("The Lighthouse", [
            { label: "Chapter One: Arrival", html: "<p>The keeper arrived in March.</p>" },
            { label: "Chapter Two", html: "<h2>The storm</h2><p>Waves reached the lamp.</p>" }
        ]);
        const parsed = await parseBytes("lighthouse.epub", epub);
        expect(parsed).toEqual({
            format: "epub", title: "The Lighthouse",
            sections: [
                { text: "The keeper arrived in March.", headingPath: ["Chapter One: Arrival"] },
                { text: "Waves reached the lamp.", headingPath: ["Chapter Two", "The storm"] }
            ]
        });
        expect(JSON.stringify(parsed)).not.toContain("JPEG-BYTES");
    });

    it("EPUB 2: chapter names from the NCX table of contents; XLSX inline strings and formula text read", async () => {
        const epub = await buildZip({
            "META-INF/container.xml": '<container><rootfiles><rootfile full-path="book.opf"/></rootfiles></container>',
            "book.opf": '<package><metadata><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">Old Book</dc:title></metadata><manifest>' +
                '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="a" href="a.html" media-type="application/xhtml+xml"/></manifest>' +
                '<spine toc="ncx"><itemref idref="a"/></spine></package>',
            "toc.ncx": '<ncx><navMap><navPoint><navLabel><text>Prologue at sea</text></navLabel><content src="a.html#start"/></navPoint></navMap></ncx>',
            "a.html": "<html><body><p>Salt on the deck.</p></body></html>"
        }, { mimetype: "application/epub+zip" });
        expect(await parseBytes("old.epub", epub)).toEqual({ format: "epub", title: "Old Book", sections: [{ text: "Salt on the deck.", headingPath: ["Prologue at sea"] }] });
        const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></c><c r="B1" t="inlineStr"><is><t>Total</t></is></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><r><t>Ink</t></r><r><t>wells</t></r></is></c><c r="B2" t="str"><f>A1&amp;"!"</f><v>12 crowns</v></c></row></sheetData></worksheet>';
        const xlsx = await buildXlsx([{ name: "Costs", rows: [["x"]] }], { "xl/worksheets/sheet1.xml": sheet });
        expect((await parseBytes("inline.xlsx", xlsx)).sections).toEqual([{ text: "Item: Inkwells; Total: 12 crowns", headingPath: ["Costs", "Rows 2–2"] }]);
    });

    it("recognizes an OpenDocument or EPUB package by its mimetype entry whatever its name", async () => {
        const parsed = await parseBytes("download", await buildOpenDocument("text", "<text:p>Named oddly.</text:p>"));
        expect(parsed.format).toBe("odt");
        expect(parsed.sections[0]?.text).toBe("Named oddly.");
    });
});
