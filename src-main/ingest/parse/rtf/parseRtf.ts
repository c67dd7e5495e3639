import type { DocumentSource } from "../DocumentSource.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { SectionBuilder } from "../SectionBuilder.js";
import type { ParsedDocument } from "../types.js";
import { rtfToText } from "./rtfToText.js";

/** An RTF document as paragraphs; pictures, embedded objects, headers, footers and metadata left out. */
export async function parseRtf(source: DocumentSource): Promise<ParsedDocument> {
    const text = await rtfToText(await source.readAll());
    const builder = new SectionBuilder();
    for (const paragraph of text.split(/\r\n|\n|\r/)) {
        if (paragraph.trim() === "") continue;
        builder.append(`${paragraph}\n\n`);
        builder.paragraphBreak();
    }
    const sections = builder.finish();
    if (sections.length === 0) throw new EmptyDocumentError({ fileName: source.fileName, reason: "no-text" });
    return { format: "rtf", sections };
}
