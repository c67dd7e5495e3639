import type { DocumentSource } from "../DocumentSource.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { SectionBuilder } from "../SectionBuilder.js";
import type { ParsedDocument } from "../types.js";
import { readTextLines } from "./readTextLines.js";

/** A plain-text file as paragraphs (separated by blank lines), read as a stream. */
export async function parseText(source: DocumentSource): Promise<ParsedDocument> {
    const builder = new SectionBuilder();
    for await (const line of readTextLines(source)) {
        if (line.trim() === "") builder.flush();
        else {
            builder.append(`${line}\n`);
            // A "paragraph" of a million characters (a log without blank lines) is cut, not kept whole.
            builder.paragraphBreak();
        }
    }
    const sections = builder.finish();
    if (sections.length === 0) throw new EmptyDocumentError({ fileName: source.fileName, reason: "no-text" });
    return { format: "text", sections };
}
