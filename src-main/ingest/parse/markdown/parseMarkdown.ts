import type { DocumentSource } from "../DocumentSource.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { SectionBuilder } from "../SectionBuilder.js";
import { readTextLines } from "../text/readTextLines.js";
import type { ParsedDocument } from "../types.js";
import { MarkdownLineReader } from "./MarkdownLineReader.js";

/**
 * A Markdown file split at its headings (ATX "# Title" and setext "Title\n====="), read as a stream.
 * The Markdown itself is kept as the section text: it is what the person wrote, and the chunker
 * and the answer renderer both understand it.
 */
export async function parseMarkdown(source: DocumentSource): Promise<ParsedDocument> {
    const builder = new SectionBuilder();
    const reader = new MarkdownLineReader(builder);
    for await (const line of readTextLines(source)) reader.line(line);
    reader.end();
    const sections = builder.finish();
    if (sections.length === 0) throw new EmptyDocumentError({ fileName: source.fileName, reason: "no-text" });
    const title = reader.frontMatterTitle ?? builder.firstTopHeading;
    return { format: "markdown", ...(title === undefined ? {} : { title }), sections };
}
