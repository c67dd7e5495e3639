import { maxCellChars } from "../table/describeRow.js";
import { TextCollector } from "../xml/TextCollector.js";
import { walkXml } from "../xml/walkXml.js";
import { columnIndex } from "./columnIndex.js";
import { excelDate } from "./excelDate.js";
import { SheetRows } from "./SheetRows.js";

export interface WorkbookContext {
    sharedStrings: readonly string[];
    dateStyles: readonly boolean[];
    date1904: boolean;
}

/** The rows of one worksheet part, each cell shown as Excel shows it in plain words (shared strings, dates, TRUE/FALSE). */
export function xlsxSheetRows(xml: Buffer, workbook: WorkbookContext): SheetRows {
    const sheet = new SheetRows();
    const value = new TextCollector(maxCellChars + 1);
    let cell: { column: number; type: string; style: number } | undefined;
    let inValue = false;
    let lastColumn = -1;
    walkXml(xml, {
        open: (name, attributes) => {
            if (name === "row") {
                sheet.startRow(attributes["r"] === undefined ? undefined : Number(attributes["r"]));
                lastColumn = -1;
            } else if (name === "c") {
                const column = columnIndex(attributes["r"] ?? "") ?? lastColumn + 1;
                lastColumn = column;
                cell = { column, type: attributes["t"] ?? "n", style: Number(attributes["s"] ?? 0) };
            } else if (cell !== undefined && (name === "v" || name === "t")) inValue = true;
        },
        text: (text) => {
            if (inValue) value.add(text);
        },
        close: (name) => {
            if (name === "v" || name === "t") inValue = false;
            else if (name === "c" && cell !== undefined) {
                sheet.setCell(cell.column, shown(value.take(), cell.type, cell.style, workbook));
                cell = undefined;
            } else if (name === "row") sheet.endRow();
        }
    });
    return sheet;
}

function shown(raw: string, type: string, style: number, workbook: WorkbookContext): string {
    switch (type) {
        case "s":
            return workbook.sharedStrings[Number(raw)] ?? "";
        case "b":
            return raw === "1" ? "TRUE" : raw === "0" ? "FALSE" : raw;
        case "n": {
            const number = Number(raw);
            if (raw.trim() === "" || !Number.isFinite(number)) return raw;
            if (workbook.dateStyles[style] === true) return excelDate(number, workbook.date1904) ?? raw;
            // Excel keeps 17 significant digits (0.30000000000000004) but shows 15.
            return String(Number(number.toPrecision(15)));
        }
        default:
            // inlineStr, str (a formula's text), e (an error such as #DIV/0!), d (an ISO date).
            return raw;
    }
}
