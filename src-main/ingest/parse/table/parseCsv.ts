import { parse } from "csv-parse/sync";
import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { decodeText } from "../text/decodeText.js";
import type { ParsedDocument } from "../types.js";
import { maxCellChars, maxColumns } from "./describeRow.js";
import { tableSections } from "./tableSections.js";

/** A record longer than this (a cell of megabytes, or a quote never closed) makes the file unreadable as a table. */
const maxRecordChars = maxColumns * maxCellChars * 4;

/**
 * A CSV or TSV file (any common encoding; comma, semicolon or tab) read with csv-parse: each row under
 * its header, in sections of rows.
 */
export async function parseCsv(source: DocumentSource): Promise<ParsedDocument> {
    const text = decodeText(source.head, await source.readAll());
    let rows: string[][];
    try {
        rows = parse(text, {
            delimiter: guessDelimiter(text, source.fileName), bom: true, relax_column_count: true, relax_quotes: true,
            skip_empty_lines: true, max_record_size: maxRecordChars
        }) as string[][];
    } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 160) : "unexpected structure";
        throw new CorruptDocumentError({ fileName: source.fileName, formatName: "CSV table", reason });
    }
    const sections = tableSections(undefined, rows);
    if (sections.length === 0) throw new EmptyDocumentError({ fileName: source.fileName, reason: "no-text" });
    return { format: "table", title: source.fileName.replace(/\.[^.]+$/, ""), sections };
}

/** The separator the first lines use most: Excel writes ";" where "," is the decimal comma. */
function guessDelimiter(text: string, fileName: string): string {
    if (/\.tsv$/i.test(fileName)) return "\t";
    const sample = text.slice(0, 8_192).split(/\r?\n/).slice(0, 10).join("\n");
    const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: sample.split(delimiter).length }));
    return counts.sort((a, b) => b.count - a.count)[0]!.delimiter;
}
