import { detectFormat } from "./detectFormat.js";
import { DocumentSource } from "./DocumentSource.js";
import { parseDocx } from "./docx/parseDocx.js";
import { CorruptDocumentError } from "./errors/CorruptDocumentError.js";
import { DocumentError } from "./errors/DocumentError.js";
import { parseHtml } from "./html/parseHtml.js";
import { parseMarkdown } from "./markdown/parseMarkdown.js";
import { parsePdf } from "./pdf/parsePdf.js";
import { parseText } from "./text/parseText.js";
import { parseCsv } from "./table/parseCsv.js";
import type { DocumentFormat, ParsedDocument, ParseLimits } from "./types.js";

type Parser = (source: DocumentSource) => Promise<ParsedDocument>;

const parsers: Record<DocumentFormat, { parse: Parser; formatName: string }> = {
    pdf: { parse: parsePdf, formatName: "PDF" },
    docx: { parse: parseDocx, formatName: "Word document" },
    html: { parse: parseHtml, formatName: "web page" },
    markdown: { parse: parseMarkdown, formatName: "Markdown file" },
    text: { parse: parseText, formatName: "text file" },
    table: { parse: parseCsv, formatName: "CSV table" }
};

/**
 * Parses one document in this process. Meant to run inside the parser worker, which adds the time
 * limit and crash isolation. Every problem a file can cause ends as a DocumentError subclass:
 * a library failing in an unforeseen way on a malformed file is reported as a corrupt document.
 */
export async function parseDocumentFile(filePath: string, limits: ParseLimits): Promise<ParsedDocument> {
    const source = await DocumentSource.open(filePath, limits);
    const { parse, formatName } = parsers[detectFormat(source.fileName, source.head)];
    try {
        return await parse(source);
    } catch (error) {
        if (error instanceof DocumentError) throw error;
        const reason = error instanceof Error ? error.message.split("\n")[0]?.slice(0, 200) : undefined;
        throw new CorruptDocumentError({ fileName: source.fileName, formatName, reason: reason || "unexpected structure" });
    }
}
