import type { DocumentSource } from "../DocumentSource.js";
import { coreTitle } from "../docx/coreTitle.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { localName, relationships } from "../ooxml/relationships.js";
import { tableSections } from "../table/tableSections.js";
import type { ParsedDocument, ParsedSection } from "../types.js";
import { walkXml } from "../xml/walkXml.js";
import { readZipParts } from "../zip/readZipParts.js";
import { dateStyles } from "./dateStyles.js";
import { sharedStrings } from "./sharedStrings.js";
import { xlsxSheetRows } from "./xlsxSheetRows.js";

const formatName = "Excel workbook";
const workbookPart = "xl/workbook.xml";

/**
 * An Excel workbook, sheet by sheet in the workbook's order: each row under its sheet's header row
 * ("Name: Ada; Role: engineer"), in sections headed by the sheet's name and the rows' numbers. Values
 * read as Excel shows them: shared strings, dates, TRUE/FALSE, numbers to 15 digits. Only XML parts
 * are unpacked, under the inflated-bytes limit; charts, pictures and macros are never read.
 */
export async function parseXlsx(source: DocumentSource): Promise<ParsedDocument> {
    const { fileName } = source;
    const parts = await readZipParts(source, await source.readAll(), { formatName });
    const workbook = parts.get(workbookPart);
    if (workbook === undefined) throw new CorruptDocumentError({ fileName, formatName, reason: "it has no workbook part" });
    const targets = relationships(parts, workbookPart);
    const sheets: Array<{ name: string; part: string }> = [];
    let date1904 = false;
    walkXml(workbook, {
        open: (name, attributes) => {
            if (localName(name) === "workbookPr") date1904 = attributes["date1904"] === "1" || attributes["date1904"] === "true";
            if (localName(name) !== "sheet") return;
            const part = targets.get(attributes["r:id"] ?? "")?.target;
            if (part !== undefined) sheets.push({ name: attributes["name"] ?? `Sheet ${String(sheets.length + 1)}`, part });
        }
    });
    const context = { sharedStrings: sharedStrings(parts.get("xl/sharedStrings.xml")), dateStyles: dateStyles(parts.get("xl/styles.xml")), date1904 };
    const sections: ParsedSection[] = [];
    for (const sheet of sheets) {
        const xml = parts.get(sheet.part);
        if (xml === undefined) continue;
        const { rows, rowNumbers } = xlsxSheetRows(xml, context);
        sections.push(...tableSections(sheet.name, rows, rowNumbers));
    }
    if (sections.length === 0) throw new EmptyDocumentError({ fileName, reason: "no-text" });
    const title = coreTitle(parts) ?? fileName.replace(/\.[^.]+$/, "");
    return { format: "table", title, sections };
}
