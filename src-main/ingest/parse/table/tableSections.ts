import type { ParsedSection } from "../types.js";
import { describeRow } from "./describeRow.js";

/** Rows per section: a section is cut into chunks anyway; this keeps its heading ("Rows 2–41") precise. */
const rowsPerSection = 40;

/**
 * A table (first row the header) as sections of readable rows, each under the table's name and its
 * row numbers, so a citation says where in the sheet the passage is.
 */
export function tableSections(name: string | undefined, rows: readonly (readonly string[])[]): ParsedSection[] {
    const [header = [], ...body] = rows;
    const sections: ParsedSection[] = [];
    for (let start = 0; start < body.length; start += rowsPerSection) {
        const lines = body.slice(start, start + rowsPerSection).map((row) => describeRow(header, row)).filter((line) => line !== "");
        if (lines.length === 0) continue;
        // Row numbers as a spreadsheet shows them: the header is row 1.
        const first = start + 2;
        const last = start + 1 + Math.min(rowsPerSection, body.length - start);
        sections.push({ text: lines.join("\n"), headingPath: [...(name ? [name] : []), `Rows ${first}–${last}`] });
    }
    return sections;
}
