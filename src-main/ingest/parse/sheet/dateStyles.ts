import { walkXml } from "../xml/walkXml.js";

/** Excel's built-in number formats that show a date or time. */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * For each cell style of a workbook (xl/styles.xml, `cellXfs`), whether it shows its number as a date:
 * a built-in date format, or a custom format code with day, month or year in it (quoted text and
 * colours ignored).
 */
export function dateStyles(xml: Buffer | undefined): boolean[] {
    const styles: boolean[] = [];
    if (xml === undefined) return styles;
    const customDates = new Set<number>();
    let inCellFormats = false;
    walkXml(xml, {
        open: (name, attributes) => {
            const id = Number(attributes["numFmtId"]);
            if (name === "numFmt" && isDateCode(attributes["formatCode"] ?? "")) customDates.add(id);
            else if (name === "cellXfs") inCellFormats = true;
            else if (name === "xf" && inCellFormats) styles.push(builtInDateFormats.has(id) || customDates.has(id));
        },
        close: (name) => {
            if (name === "cellXfs") inCellFormats = false;
        }
    });
    return styles;
}

function isDateCode(code: string): boolean {
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
    return /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}
