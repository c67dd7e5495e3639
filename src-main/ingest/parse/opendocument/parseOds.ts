import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { SheetRows } from "../sheet/SheetRows.js";
import { maxCellChars, maxColumns } from "../table/describeRow.js";
import { tableSections } from "../table/tableSections.js";
import type { ParsedDocument, ParsedSection } from "../types.js";
import { TextCollector } from "../xml/TextCollector.js";
import { walkXml } from "../xml/walkXml.js";
import { readZipParts } from "../zip/readZipParts.js";
import { metaTitle } from "./metaTitle.js";
import { odfInlineText, odfSkipped } from "./odfText.js";

const formatName = "OpenDocument spreadsheet";
/**
 * Copies kept of a row the sheet says repeats: a repeat count of a million on a filled row is how a
 * 20 KB file asks for a million rows; its row numbers still advance.
 */
const maxRowRepeats = 1_000;

/**
 * An OpenDocument spreadsheet (LibreOffice Calc), table by table: each row under its table's header
 * row, in sections headed by the table's name and the rows' numbers; each cell as displayed
 * (its text), comments left out.
 */
export async function parseOds(source: DocumentSource): Promise<ParsedDocument> {
    const { fileName } = source;
    const parts = await readZipParts(source, await source.readAll(), { formatName, wanted: (name) => name === "content.xml" || name === "meta.xml" });
    const content = parts.get("content.xml");
    if (content === undefined) throw new CorruptDocumentError({ fileName, formatName, reason: "it has no content part" });
    const sections: ParsedSection[] = [];
    let table: { name: string; rows: SheetRows } | undefined;
    let column = 0;
    let cell: { repeat: number; paragraphs: number } | undefined;
    let rowRepeat = 1;
    const text = new TextCollector(maxCellChars + 1);
    let skipped = 0;
    walkXml(content, {
        open: (name, attributes) => {
            if (odfSkipped.has(name)) skipped++;
            if (skipped > 0) return;
            if (name === "table:table") table = { name: attributes["table:name"] ?? `Table ${String(sections.length + 1)}`, rows: new SheetRows() };
            else if (name === "table:table-row") {
                table?.rows.startRow();
                rowRepeat = repeatCount(attributes["table:number-rows-repeated"]);
                column = 0;
            } else if (name === "table:table-cell" || name === "table:covered-table-cell") {
                cell = { repeat: repeatCount(attributes["table:number-columns-repeated"]), paragraphs: 0 };
            } else if (cell !== undefined && name === "text:p" && cell.paragraphs++ > 0) text.add(" ");
            else if (cell !== undefined) {
                const inline = odfInlineText(name, attributes);
                if (inline !== undefined) text.add(inline === "\n" ? " " : inline);
            }
        },
        text: (value) => {
            if (skipped === 0 && cell !== undefined) text.add(value);
        },
        close: (name) => {
            if (odfSkipped.has(name)) {
                skipped--;
                return;
            }
            if (skipped > 0) return;
            if ((name === "table:table-cell" || name === "table:covered-table-cell") && cell !== undefined) {
                const value = text.take().trim();
                // An empty cell repeated 16,384 times only moves the column; a filled one is copied up to the column limit.
                const copies = value === "" ? 0 : Math.min(cell.repeat, Math.max(0, maxColumns - column));
                for (let copy = 0; copy < copies; copy++) table?.rows.setCell(column + copy, value);
                column += cell.repeat;
                cell = undefined;
            } else if (name === "table:table-row") table?.rows.endRow(rowRepeat, maxRowRepeats);
            else if (name === "table:table" && table !== undefined) {
                sections.push(...tableSections(table.name, table.rows.rows, table.rows.rowNumbers));
                table = undefined;
            }
        }
    });
    if (sections.length === 0) throw new EmptyDocumentError({ fileName, reason: "no-text" });
    const title = metaTitle(parts.get("meta.xml")) ?? fileName.replace(/\.[^.]+$/, "");
    return { format: "table", title, sections };
}

function repeatCount(value: string | undefined): number {
    const count = Number(value ?? 1);
    return Number.isInteger(count) && count >= 1 ? Math.min(count, 1_048_576) : 1;
}
