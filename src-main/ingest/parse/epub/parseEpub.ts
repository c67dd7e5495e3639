import { parseHTML } from "linkedom";
import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { EncryptedDocumentError } from "../errors/EncryptedDocumentError.js";
import { flattenDeepMarkup } from "../html/flattenDeepMarkup.js";
import { sectionsFromDom, type DomNode } from "../html/sectionsFromDom.js";
import { localName, partPath } from "../ooxml/relationships.js";
import type { ParsedDocument, ParsedSection } from "../types.js";
import { walkXml } from "../xml/walkXml.js";
import { readZipParts } from "../zip/readZipParts.js";
import { chapterTitles } from "./chapterTitles.js";
import { packagePath, readPackage } from "./readPackage.js";

const formatName = "EPUB e-book";
const textPart = /\.(xml|opf|ncx|xhtml|html|htm)$/i;
/** Font obfuscation (IDPF and Adobe) hides fonts, not text: an e-book using only these is readable. */
const fontObfuscation = new Set(["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"]);

/**
 * An EPUB e-book, chapter by chapter in reading order (the spine): each chapter's text split at its
 * headings, its sections headed by the chapter's name from the table of contents. Only text parts
 * are unpacked, under the inflated-bytes limit; pictures, fonts and scripts are never read, and a
 * DRM-protected book is refused as encrypted.
 */
export async function parseEpub(source: DocumentSource): Promise<ParsedDocument> {
    const { fileName, limits } = source;
    const parts = await readZipParts(source, await source.readAll(), { formatName, wanted: (name) => textPart.test(name) });
    const opfPath = packagePath(parts.get("META-INF/container.xml"));
    const opf = opfPath === undefined ? undefined : parts.get(opfPath);
    if (opfPath === undefined || opf === undefined) throw new CorruptDocumentError({ fileName, formatName, reason: "it has no package document" });
    const book = readPackage(opfPath, opf);
    const encrypted = encryptedParts(parts.get("META-INF/encryption.xml"));
    if (book.spine.some((part) => encrypted.has(part))) throw new EncryptedDocumentError({ fileName, formatName });
    const tocXml = book.toc === undefined ? undefined : parts.get(book.toc.part);
    const titles = book.toc === undefined || tocXml === undefined ? new Map<string, string>() : chapterTitles(book.toc, tocXml);
    const sections: ParsedSection[] = [];
    book.spine.forEach((part, index) => {
        const xhtml = parts.get(part);
        if (xhtml === undefined || part === book.toc?.part) return;
        const { document } = parseHTML(flattenDeepMarkup(xhtml.toString("utf8"), limits.maxHtmlDepth));
        const chapter = titles.get(part) ?? (String(document.title ?? "").trim() || `Chapter ${String(index + 1)}`);
        const body = (document.body ?? document.documentElement) as DomNode | null;
        if (body === null) return;
        for (const section of sectionsFromDom(body, { skipBoilerplate: false }).sections) {
            const path = section.headingPath[0] === chapter ? section.headingPath : [chapter, ...section.headingPath];
            sections.push({ text: section.text, headingPath: path });
        }
    });
    if (sections.length === 0) throw new EmptyDocumentError({ fileName, reason: "no-text" });
    return { format: "epub", ...(book.title === undefined ? {} : { title: book.title }), sections };
}

/** Parts that META-INF/encryption.xml says are encrypted with anything other than font obfuscation. */
function encryptedParts(xml: Buffer | undefined): Set<string> {
    const parts = new Set<string>();
    if (xml === undefined) return parts;
    let algorithm = "";
    walkXml(xml, {
        open: (name, attributes) => {
            const tag = localName(name);
            if (tag === "EncryptionMethod") algorithm = attributes["Algorithm"] ?? "";
            else if (tag === "CipherReference" && attributes["URI"] !== undefined && !fontObfuscation.has(algorithm)) parts.add(partPath("", attributes["URI"]));
        }
    });
    return parts;
}
