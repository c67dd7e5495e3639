import { parseHTML } from "linkedom";
import mammoth from "mammoth";
import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { flattenDeepMarkup } from "../html/flattenDeepMarkup.js";
import { sectionsFromDom, type DomNode } from "../html/sectionsFromDom.js";
import type { ParsedDocument } from "../types.js";
import { readZipParts } from "../zip/readZipParts.js";
import { coreTitle } from "./coreTitle.js";
import { writeStoredZip } from "./writeStoredZip.js";

/** Images are dropped without being read: their bytes carry no text, and a linked one could point anywhere. */
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

/**
 * The text of a Word document, split at its headings. Only the package's XML parts are unpacked
 * (under the inflated-bytes limit), and mammoth reads those alone: it never sees media, never opens
 * linked local files (externalFileAccess off) and never fetches anything.
 */
export async function parseDocx(source: DocumentSource): Promise<ParsedDocument> {
    const { fileName, limits } = source;
    const parts = await readZipParts(source, await source.readAll(), { formatName: "Word document" });
    let html: string;
    try {
        const result = await mammoth.convertToHtml(
            { buffer: writeStoredZip(parts) },
            { convertImage: dropImages, externalFileAccess: false, ignoreEmptyParagraphs: true }
        );
        html = result.value;
    } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0]?.slice(0, 200) ?? "" : "";
        throw new CorruptDocumentError({ fileName, formatName: "Word document", reason: reason || "unreadable content" });
    }
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${flattenDeepMarkup(html, limits.maxHtmlDepth)}</body></html>`);
    const { sections, firstHeading } = sectionsFromDom(document.body as DomNode, { skipBoilerplate: false });
    if (sections.length === 0) throw new EmptyDocumentError({ fileName, reason: "no-text" });
    const title = coreTitle(parts) ?? firstHeading;
    return { format: "docx", ...(title === undefined ? {} : { title }), sections };
}
