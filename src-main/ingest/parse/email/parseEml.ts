import type { DocumentSource } from "../DocumentSource.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import type { ParsedDocument } from "../types.js";
import type { NestedParser } from "./NestedParser.js";
import { readMessage } from "./readMessage.js";

/** One e-mail message (.eml): titled by its subject, its first section opening with sender, date and subject. */
export async function parseEml(source: DocumentSource, parseNested: NestedParser): Promise<ParsedDocument> {
    const { facts, sections } = await readMessage(await source.readAll(), () => [], parseNested, source.limits.maxHtmlDepth);
    if (sections.every((section) => section.text.trim() === "")) throw new EmptyDocumentError({ fileName: source.fileName, reason: "no-text" });
    return { format: "email", title: facts.subject, sections };
}
