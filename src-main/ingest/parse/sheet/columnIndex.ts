/** The 0-based column of a cell reference ("A1" -> 0, "AB7" -> 27), or undefined when it has no letters. */
export function columnIndex(reference: string): number | undefined {
    let column = 0;
    let letters = 0;
    for (const char of reference.toUpperCase()) {
        const code = char.charCodeAt(0);
        if (code < 65 || code > 90) break;
        column = column * 26 + (code - 64);
        // Excel's last column is XFD (3 letters); more is a hostile reference, not a column.
        if (++letters > 3) return undefined;
    }
    return letters === 0 ? undefined : column - 1;
}
