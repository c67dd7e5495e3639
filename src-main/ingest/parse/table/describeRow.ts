/** Longest cell kept whole; a longer one (a pasted log, a hostile file) is cut with an ellipsis. */
export const maxCellChars = 2_000;
/** Columns read per row: a row of 100,000 empty cells is noise, not data. */
export const maxColumns = 200;

/**
 * One table row as a readable line that stands on its own in a chunk: each value after its column's
 * header ("Name: Ada; Role: engineer"), empty cells left out.
 */
export function describeRow(header: readonly string[], row: readonly string[]): string {
    const parts: string[] = [];
    for (let column = 0; column < Math.min(row.length, maxColumns); column++) {
        const value = clean(row[column] ?? "");
        if (value === "") continue;
        const name = clean(header[column] ?? "") || `Column ${column + 1}`;
        parts.push(`${name}: ${value}`);
    }
    return parts.join("; ");
}

function clean(cell: string): string {
    const text = cell.replace(/\s+/g, " ").trim();
    return text.length <= maxCellChars ? text : `${text.slice(0, maxCellChars - 1)}…`;
}
