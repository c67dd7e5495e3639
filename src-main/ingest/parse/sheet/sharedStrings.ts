import { maxCellChars } from "../table/describeRow.js";
import { TextCollector } from "../xml/TextCollector.js";
import { walkXml } from "../xml/walkXml.js";

/**
 * A workbook's shared strings (xl/sharedStrings.xml), in order: the text of each `si`, rich-text runs
 * joined, phonetic guides (`rPh`) left out. Each is kept to one character past the cell limit, so the
 * row reader still knows to cut it.
 */
export function sharedStrings(xml: Buffer | undefined): string[] {
    const strings: string[] = [];
    if (xml === undefined) return strings;
    const text = new TextCollector(maxCellChars + 1);
    let inText = false;
    let phonetic = 0;
    walkXml(xml, {
        open: (name) => {
            if (name === "t") inText = true;
            else if (name === "rPh") phonetic++;
        },
        text: (value) => {
            if (inText && phonetic === 0) text.add(value);
        },
        close: (name) => {
            if (name === "t") inText = false;
            else if (name === "rPh") phonetic--;
            else if (name === "si") strings.push(text.take());
        }
    });
    return strings;
}
