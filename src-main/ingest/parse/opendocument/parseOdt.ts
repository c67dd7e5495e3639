import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { SectionBuilder } from "../SectionBuilder.js";
import type { ParsedDocument } from "../types.js";
import { walkXml } from "../xml/walkXml.js";
import { readZipParts } from "../zip/readZipParts.js";
import { metaTitle } from "./metaTitle.js";
import { odfInlineText, odfSkipped } from "./odfText.js";

const formatName = "OpenDocument text";
/** Paragraph-like elements: each ends a line of text. */
const blocks = new Set(["text:p", "text:h", "table:table-cell", "text:list-item"]);

/**
 * An OpenDocument text (LibreOffice Writer), split at its headings (`text:h` with their outline
 * level): paragraphs, lists, tables and footnotes in reading order; comments and tracked deletions
 * left out. Only content.xml and meta.xml are unpacked, under the inflated-bytes limit.
 */
export async function parseOdt(source: DocumentSource): Promise<ParsedDocument> {
    const { fileName } = source;
    const parts = await readZipParts(source, await source.readAll(), { formatName, wanted: (name) => name === "content.xml" || name === "meta.xml" });
    const content = parts.get("content.xml");
    if (content === undefined) throw new CorruptDocumentError({ fileName, formatName, reason: "it has no content part" });
    const builder = new SectionBuilder();
    let heading: { level: number; text: string } | undefined;
    let skipped = 0;
    walkXml(content, {
        open: (name, attributes) => {
            if (odfSkipped.has(name)) skipped++;
            if (skipped > 0) return;
            if (name === "text:h") heading = { level: Math.min(6, Math.max(1, Number(attributes["text:outline-level"] ?? 1) || 1)), text: "" };
            const inline = odfInlineText(name, attributes);
            if (inline !== undefined) append(inline);
        },
        text: (text) => {
            if (skipped === 0) append(text);
        },
        close: (name) => {
            if (odfSkipped.has(name)) {
                skipped--;
                return;
            }
            if (skipped > 0) return;
            if (name === "text:h" && heading !== undefined) {
                builder.heading(heading.level, heading.text.slice(0, 1_000));
                heading = undefined;
            } else if (blocks.has(name)) {
                builder.append("\n\n");
                builder.paragraphBreak();
            }
        }
    });
    const sections = builder.finish();
    if (sections.length === 0) throw new EmptyDocumentError({ fileName, reason: "no-text" });
    const title = metaTitle(parts.get("meta.xml")) ?? builder.firstTopHeading;
    return { format: "odt", ...(title === undefined ? {} : { title }), sections };

    function append(text: string): void {
        if (heading !== undefined) {
            if (heading.text.length < 1_000) heading.text += text;
        } else builder.append(text);
    }
}
