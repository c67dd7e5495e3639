import { writeFile } from "node:fs/promises";
import JSZip from "jszip";

const wordNs =
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
const relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface DocxSample {
    /** Body XML (w:p elements...), placed inside w:body. */
    body: string;
    title?: string;
    /** Extra relationships of word/document.xml. */
    relationships?: Array<{ id: string; type: string; target: string; external?: boolean }>;
    /** Extra parts in the package (path -> content). */
    parts?: Record<string, string | Buffer>;
}

export const paragraph = (text: string, style?: string): string =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** An inline picture whose bytes come from relationship `relationshipId`, linked (`r:link`) or embedded. */
export const picture = (relationshipId: string, mode: "link" | "embed"): string =>
    `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1"/>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>` +
    `<pic:nvPicPr><pic:cNvPr id="0" name="image"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:${mode}="${relationshipId}"/></pic:blipFill><pic:spPr/></pic:pic>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

/** Builds a real WordprocessingML package (what Word writes, minus what text extraction ignores). */
export async function buildDocx(sample: DocxSample, compressionLevel = 6): Promise<Buffer> {
    const zip = new JSZip();
    zip.file(
        "[Content_Types].xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
            `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
            `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
            `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
            `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
            `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
    );
    zip.file(
        "_rels/.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
            `<Relationship Id="rId1" Type="${relType}/officeDocument" Target="word/document.xml"/>` +
            `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
    );
    zip.file(
        "docProps/core.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
            `xmlns:dc="http://purl.org/dc/elements/1.1/">${sample.title === undefined ? "" : `<dc:title>${sample.title}</dc:title>`}</cp:coreProperties>`
    );
    const styles = [1, 2, 3]
        .map((level) => `<w:style w:type="paragraph" w:styleId="Heading${String(level)}"><w:name w:val="heading ${String(level)}"/></w:style>`)
        .join("");
    zip.file("word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${wordNs}>${styles}</w:styles>`);
    const relationships = [{ id: "rIdStyles", type: `${relType}/styles`, target: "styles.xml" }, ...(sample.relationships ?? [])]
        .map(
            (rel) =>
                `<Relationship Id="${rel.id}" Type="${rel.type.includes("/") ? rel.type : `${relType}/${rel.type}`}" ` +
                `Target="${rel.target}"${"external" in rel && rel.external ? ' TargetMode="External"' : ""}/>`
        )
        .join("");
    zip.file(
        "word/_rels/document.xml.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`
    );
    zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${wordNs}><w:body>${sample.body}</w:body></w:document>`);
    for (const [name, content] of Object.entries(sample.parts ?? {})) zip.file(name, content);
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: compressionLevel } });
}

export async function writeDocx(path: string, sample: DocxSample): Promise<void> {
    await writeFile(path, await buildDocx(sample));
}
