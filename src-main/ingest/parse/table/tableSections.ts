import type { ParsedSection } from "../types.js";
import { describeRow } from "./describeRow.js";

/** Rows per section: a section is cut into chunks anyway; this keeps its heading ("Rows 2–41") precise. */
const rowsPerSection = 40;

/**
 * A table (first row the header) as sections of readable rows, each under the table's name and its
 * row numbers, so a citation says where in the sheet the passage is. `rowNumbers` gives each row's
 * number as the spreadsheet shows it (a sheet may skip empty rows); by default the header is row 1
 * and rows follow on.
 */
export function tableSections(
    name: string | undefined, rows: readonly (readonly string[])[], rowNumbers?: readonly number[]
): ParsedSection[] {
    const [header = [], ...body] = rows;
    const numberOf = (index: number): number => rowNumbers?.[index + 1] ?? index + 2;
    const sections: ParsedSection[] = [];
    for (let start = 0; start < body.length; start += rowsPerSection) {
        const lines = body.slice(start, start + rowsPerSection).map((row) => describeRow(header, row)).filter((line) => line !== "");
        if (lines.length === 0) continue;
        const first = numberOf(start);
        const last = numberOf(Math.min(start + rowsPerSection, body.length) - 1);
        sections.push({ text: lines.join("\n"), headingPath: [...(name ? [name] : []), `Rows ${first}–${last}`] });
    }
    return sections;
}
