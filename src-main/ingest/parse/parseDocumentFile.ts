import { detectFormat, readerNames, type ReaderKind } from "./detectFormat.js";
import { DocumentSource } from "./DocumentSource.js";
import { parseDocx } from "./docx/parseDocx.js";
import { parseEml } from "./email/parseEml.js";
import { parseMbox } from "./email/parseMbox.js";
import { parseEpub } from "./epub/parseEpub.js";
import { CorruptDocumentError } from "./errors/CorruptDocumentError.js";
import { DocumentError } from "./errors/DocumentError.js";
import { parseHtml } from "./html/parseHtml.js";
import { parseMarkdown } from "./markdown/parseMarkdown.js";
import { parseOds } from "./opendocument/parseOds.js";
import { parseOdt } from "./opendocument/parseOdt.js";
import { parseImage } from "./ocr/parseImage.js";
import type { ParseContext } from "./ParseContext.js";
import type { ParseProgress } from "./parseSchemas.js";
import { parsePdf } from "./pdf/parsePdf.js";
import { parsePptx } from "./pptx/parsePptx.js";
import { parseRtf } from "./rtf/parseRtf.js";
import { parseXlsx } from "./sheet/parseXlsx.js";
import { parseCsv } from "./table/parseCsv.js";
import { parseText } from "./text/parseText.js";
import type { ParsedDocument, ParseLimits } from "./types.js";

type Parser = (source: DocumentSource, context: ParseContext) => Promise<ParsedDocument>;

const parsers: Record<ReaderKind, Parser> = {
    pdf: parsePdf,
    image: parseImage,
    docx: parseDocx,
    pptx: parsePptx,
    xlsx: parseXlsx,
    ods: parseOds,
    odt: parseOdt,
    epub: parseEpub,
    rtf: parseRtf,
    eml: (source, context) => parseEml(source, context.parseNested),
    mbox: parseMbox,
    html: parseHtml,
    markdown: parseMarkdown,
    text: parseText,
    csv: parseCsv
};

/** Files inside files (an attachment) are read; files inside those (an attachment's attachment) are not. */
const maxNesting = 1;

/**
 * Parses one document in this process. Meant to run inside the parser worker, which adds the time
 * limit and crash isolation. Every problem a file can cause ends as a DocumentError subclass:
 * a library failing in an unforeseen way on a malformed file is reported as a corrupt document.
 */
export async function parseDocumentFile(
    filePath: string, limits: ParseLimits, options: { nesting?: number; reportProgress?: (progress: ParseProgress) => void } = {}
): Promise<ParsedDocument> {
    const source = await DocumentSource.open(filePath, limits);
    const kind = detectFormat(source.fileName, source.head);
    const nesting = options.nesting ?? 0;
    const reportProgress = options.reportProgress ?? (() => undefined);
    const context: ParseContext = {
        parseNested: nesting < maxNesting ? (path) => parseDocumentFile(path, limits, { nesting: nesting + 1, reportProgress }) : undefined,
        reportProgress
    };
    try {
        return await parsers[kind](source, context);
    } catch (error) {
        if (error instanceof DocumentError) throw error;
        const reason = error instanceof Error ? error.message.split("\n")[0]?.slice(0, 200) : undefined;
        throw new CorruptDocumentError({ fileName: source.fileName, formatName: readerNames[kind], reason: reason || "unexpected structure" });
    }
}
