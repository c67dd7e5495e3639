import iconv from "iconv-lite";
import { Tokenize } from "rtf-stream-parser";
// The plain-text processor is part of the package but not re-exported from its index.
import { ToPlainText } from "rtf-stream-parser/dist/src/ToPlainText.js";
import type { ProcessTokensGlobalState } from "rtf-stream-parser/dist/src/ProcessTokens.types.js";

/**
 * Destinations whose content is not the document's text: metadata, pictures and embedded objects
 * (hex that would flood the index), field codes (the field's result is kept), theme and style data.
 */
const hiddenDestinations = [
    "info", "pict", "object", "objdata", "fldinst", "datafield", "themedata", "colorschememapping",
    "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "shppict",
    "nonshppict", "bkmkstart", "bkmkend", "mmathPr", "wgrffmtfilter", "pgdsctbl", "filetbl", "revtbl",
    "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf"
];

/**
 * RTF to plain text with rtf-stream-parser's tokenizer and text processor (code pages, \uN escapes,
 * symbol fonts), leaving out the destinations that are not part of the text. Paragraphs end in \r\n.
 * A code page iconv-lite does not know is read as Windows-1252, so a made-up one costs accents, not the file.
 */
export function rtfToText(rtf: Buffer): Promise<string> {
    const tokenizer = new Tokenize();
    const decode = (bytes: Buffer, encoding: string): string => iconv.decode(bytes, iconv.encodingExists(encoding) ? encoding : "windows-1252");
    const processor = new ToPlainText({ decode, outputMode: "string", warn: () => undefined });
    (processor._featureHandlers as unknown as Array<typeof hideDestinations>).unshift(hideDestinations);
    const pieces: string[] = [];
    return new Promise((resolve, reject) => {
        processor.on("data", (data: Buffer | string) => pieces.push(data.toString()));
        processor.on("end", () => resolve(pieces.join("")));
        processor.on("error", reject);
        tokenizer.on("error", reject);
        tokenizer.pipe(processor);
        tokenizer.end(rtf);
    });
}

const hideDestinations = {
    outputDataFilter: (global: ProcessTokensGlobalState): true | undefined => {
        const all = global._state.allDestinations;
        return all !== undefined && hiddenDestinations.some((name) => all[name] === true) ? true : undefined;
    }
};
