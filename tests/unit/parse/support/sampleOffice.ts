import JSZip from "jszip";

// Generators of real Office, OpenDocument and EPUB packages for the parser tests: the minimum each
// app writes for its text to be found, so nothing has to be downloaded.

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const pkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

export const escapeXml = (text: string): string =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A zip of `files`; with `mimetype`, it goes first and uncompressed, as OpenDocument and EPUB require. */
export async function buildZip(files: Record<string, string | Buffer>, options: { mimetype?: string; level?: number } = {}): Promise<Buffer> {
    const zip = new JSZip();
    if (options.mimetype !== undefined) zip.file("mimetype", options.mimetype, { compression: "STORE" });
    for (const [name, content] of Object.entries(files)) zip.file(name, content);
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: options.level ?? 6 } });
}

const relationships = (rels: Array<{ id: string; type: string; target: string }>): string =>
    `${xmlHead}<Relationships xmlns="${pkgRelNs}">` +
    rels.map((rel) => `<Relationship Id="${rel.id}" Type="${relNs}/${rel.type}" Target="${rel.target}"/>`).join("") +
    "</Relationships>";

const shape = (text: string[], placeholder?: string): string =>
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape"/><p:cNvSpPr/><p:nvPr>${placeholder ? `<p:ph type="${placeholder}"/>` : ""}</p:nvPr></p:nvSpPr>` +
    `<p:txBody><a:bodyPr/>${text.map((line) => `<a:p><a:r><a:t>${escapeXml(line)}</a:t></a:r></a:p>`).join("")}</p:txBody></p:sp>`;

const slideNs = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="' + relNs + '" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';

export interface SlideSample {
    title?: string;
    lines: string[];
    notes?: string[];
}

/** A PowerPoint package; the presentation lists the slides in `order` (default: as given). */
export async function buildPptx(slides: SlideSample[], options: { order?: number[]; title?: string; extra?: Record<string, string | Buffer> } = {}): Promise<Buffer> {
    const files: Record<string, string | Buffer> = {};
    const order = options.order ?? slides.map((_, index) => index);
    files["ppt/presentation.xml"] = `${xmlHead}<p:presentation ${slideNs}><p:sldIdLst>` +
        order.map((index) => `<p:sldId id="${String(256 + index)}" r:id="rIdS${String(index + 1)}"/>`).join("") + "</p:sldIdLst></p:presentation>";
    files["ppt/_rels/presentation.xml.rels"] = relationships(slides.map((_, index) => ({ id: `rIdS${String(index + 1)}`, type: "slide", target: `slides/slide${String(index + 1)}.xml` })));
    slides.forEach((slide, index) => {
        const number = String(index + 1);
        files[`ppt/slides/slide${number}.xml`] = `${xmlHead}<p:sld ${slideNs}><p:cSld><p:spTree>` +
            (slide.title === undefined ? "" : shape([slide.title], "title")) + shape(slide.lines) + shape([number], "sldNum") +
            "</p:spTree></p:cSld></p:sld>";
        if (slide.notes !== undefined) {
            files[`ppt/slides/_rels/slide${number}.xml.rels`] = relationships([{ id: "rIdN", type: "notesSlide", target: `../notesSlides/notesSlide${number}.xml` }]);
            files[`ppt/notesSlides/notesSlide${number}.xml`] = `${xmlHead}<p:notes ${slideNs}><p:cSld><p:spTree>` +
                shape([], "sldImg") + shape(slide.notes, "body") + shape([number], "sldNum") + "</p:spTree></p:cSld></p:notes>";
        }
    });
    if (options.title !== undefined) {
        files["docProps/core.xml"] = `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(options.title)}</dc:title></cp:coreProperties>`;
    }
    return buildZip({ ...files, ...options.extra });
}

/** A cell: text (a shared string), a number, a boolean, or a date (stored as Excel's serial number with a date style). */
export type CellSample = string | number | boolean | Date | null;

/** An Excel package with shared strings and one date style. */
export async function buildXlsx(sheets: Array<{ name: string; rows: CellSample[][]; firstRow?: number }>, extra: Record<string, string | Buffer> = {}): Promise<Buffer> {
    const strings: string[] = [];
    const files: Record<string, string | Buffer> = {};
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="' + relNs + '"';
    files["xl/workbook.xml"] = `${xmlHead}<workbook ${ns}><sheets>` +
        sheets.map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${String(index + 1)}" r:id="rId${String(index + 1)}"/>`).join("") + "</sheets></workbook>";
    files["xl/_rels/workbook.xml.rels"] = relationships(sheets.map((_, index) => ({ id: `rId${String(index + 1)}`, type: "worksheet", target: `worksheets/sheet${String(index + 1)}.xml` })));
    files["xl/styles.xml"] = `${xmlHead}<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';
    sheets.forEach((sheet, index) => {
        const rows = sheet.rows.map((row, rowIndex) => {
            const r = (sheet.firstRow ?? 1) + rowIndex;
            const cells = row.map((value, column) => cellXml(value, `${String.fromCharCode(65 + column)}${String(r)}`, strings)).join("");
            return `<row r="${String(r)}">${cells}</row>`;
        });
        files[`xl/worksheets/sheet${String(index + 1)}.xml`] = `${xmlHead}<worksheet ${ns}><sheetData>${rows.join("")}</sheetData></worksheet>`;
    });
    files["xl/sharedStrings.xml"] = `${xmlHead}<sst ${ns}>${strings.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join("")}</sst>`;
    return buildZip({ ...files, ...extra });
}

function cellXml(value: CellSample, reference: string, strings: string[]): string {
    if (value === null) return "";
    if (typeof value === "string") {
        strings.push(value);
        return `<c r="${reference}" t="s"><v>${String(strings.length - 1)}</v></c>`;
    }
    if (typeof value === "boolean") return `<c r="${reference}" t="b"><v>${value ? 1 : 0}</v></c>`;
    if (value instanceof Date) return `<c r="${reference}" s="1"><v>${String((value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000)}</v></c>`;
    return `<c r="${reference}"><v>${String(value)}</v></c>`;
}

const odfNs = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';

/** An OpenDocument package: `body` goes inside office:text or office:spreadsheet. */
export async function buildOpenDocument(kind: "text" | "spreadsheet", body: string, title?: string, level?: number): Promise<Buffer> {
    const files = {
        "META-INF/manifest.xml": `${xmlHead}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`,
        "content.xml": `${xmlHead}<office:document-content ${odfNs}><office:body><office:${kind}>${body}</office:${kind}></office:body></office:document-content>`,
        "meta.xml": `${xmlHead}<office:document-meta ${odfNs}><office:meta>${title === undefined ? "" : `<dc:title>${escapeXml(title)}</dc:title>`}</office:meta></office:document-meta>`
    };
    return buildZip(files, { mimetype: `application/vnd.oasis.opendocument.${kind}`, ...(level === undefined ? {} : { level }) });
}

/** An EPUB 3 book: chapters in spine order, a navigation document naming them. */
export async function buildEpub(title: string, chapters: Array<{ label: string; html: string }>, extra: Record<string, string | Buffer> = {}): Promise<Buffer> {
    const files: Record<string, string | Buffer> = {
        "META-INF/container.xml": `${xmlHead}<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
        "OEBPS/content.opf": `${xmlHead}<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title></metadata><manifest>` +
            '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' +
            chapters.map((_, index) => `<item id="c${String(index + 1)}" href="text/chapter%20${String(index + 1)}.xhtml" media-type="application/xhtml+xml"/>`).join("") +
            '<item id="cover" href="cover.jpg" media-type="image/jpeg"/></manifest><spine>' +
            chapters.map((_, index) => `<itemref idref="c${String(index + 1)}"/>`).join("") + "</spine></package>",
        "OEBPS/nav.xhtml": `${xmlHead}<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>` +
            chapters.map((chapter, index) => `<li><a href="text/chapter%20${String(index + 1)}.xhtml">${escapeXml(chapter.label)}</a></li>`).join("") + "</ol></nav></body></html>",
        "OEBPS/cover.jpg": Buffer.from("JPEG-BYTES-NEVER-READ")
    };
    chapters.forEach((chapter, index) => {
        files[`OEBPS/text/chapter ${String(index + 1)}.xhtml`] = `${xmlHead}<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>${chapter.html}</body></html>`;
    });
    return buildZip({ ...files, ...extra }, { mimetype: "application/epub+zip" });
}
