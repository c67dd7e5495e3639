import { writeStoredZip } from "../../../../src-main/ingest/parse/docx/writeStoredZip.js";
import type { CorpusDocument } from "../types.js";
import { escapeMarkup } from "./escapeMarkup.js";

const wordNs = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * The document as a Word package: the title in style "heading 1", sections in "heading 2", so
 * Locus's parser (mammoth) sees real headings. Packed stored and undated (writeStoredZip), so the
 * bytes are the same on every run, which a zip library stamping today's date would not give.
 */
export function buildDocx(document: CorpusDocument): Buffer {
    const paragraph = (text: string, style?: string): string =>
        `<w:p>${style === undefined ? "" : `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>`}` +
        `<w:r><w:t xml:space="preserve">${escapeMarkup(text)}</w:t></w:r></w:p>`;
    const body = [
        paragraph(document.title, "Heading1"),
        ...document.sections.flatMap((section) => [paragraph(section.heading, "Heading2"), ...section.paragraphs.map((text) => paragraph(text))])
    ].join("");
    const styles = [1, 2]
        .map((level) => `<w:style w:type="paragraph" w:styleId="Heading${String(level)}"><w:name w:val="heading ${String(level)}"/><w:basedOn w:val="Normal"/></w:style>`)
        .join("");
    const parts: Array<[string, string]> = [
        [
            "[Content_Types].xml",
            `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
                '<Default Extension="xml" ContentType="application/xml"/>' +
                '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
                '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
                '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
        ],
        [
            "_rels/.rels",
            `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
                `<Relationship Id="rId1" Type="${relType}/officeDocument" Target="word/document.xml"/>` +
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
        ],
        [
            "docProps/core.xml",
            `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
                `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeMarkup(document.title)}</dc:title></cp:coreProperties>`
        ],
        [
            "word/_rels/document.xml.rels",
            `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
                `<Relationship Id="rIdStyles" Type="${relType}/styles" Target="styles.xml"/></Relationships>`
        ],
        ["word/styles.xml", `${xmlHead}<w:styles ${wordNs}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${styles}</w:styles>`],
        ["word/document.xml", `${xmlHead}<w:document ${wordNs}><w:body>${body}</w:body></w:document>`]
    ];
    return writeStoredZip(new Map(parts.map(([name, content]) => [name, Buffer.from(content, "utf8")])));
}
