import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { DocumentError } from "../errors/DocumentError.js";
import type { ParsedSection } from "../types.js";
import { messageFacts, messageSections, type MessageFacts } from "./messageSections.js";
import type { NestedParser } from "./NestedParser.js";

/** Attachments read from one message; more are listed by name only. */
const maxAttachments = 50;

export interface ReadMessage {
    facts: MessageFacts;
    sections: ParsedSection[];
    /** The Message-ID header as written ("<abc@example.com>"), or "" when there is none. */
    messageId: string;
}

/**
 * One e-mail message (RFC 822/MIME, any charset mailparser knows) as sections: the body under
 * `headingPath(facts)`, then each attachment whose type Locus reads, under the message and the
 * attachment's name. Attachments are written to a private temporary folder and parsed with the same
 * limits; one that cannot be read is named at the end of the message instead of failing it.
 */
export async function readMessage(
    bytes: Buffer, headingPath: (facts: MessageFacts) => string[], parseNested: NestedParser, maxHtmlDepth: number
): Promise<ReadMessage> {
    const mail = await simpleParser(bytes, { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, keepCidLinks: true });
    const facts = messageFacts(mail);
    const path = headingPath(facts);
    const sections = messageSections(mail, facts, path, maxHtmlDepth);
    const skipped: string[] = [];
    const attachments = mail.attachments.filter((attachment) => !attachment.related);
    if (attachments.length > 0 && parseNested !== undefined) {
        const folder = await mkdtemp(join(tmpdir(), "locus-attachment-"));
        try {
            for (const [index, attachment] of attachments.entries()) {
                const name = safeName(attachment.filename, index);
                if (index >= maxAttachments) {
                    skipped.push(`${name} (more than ${String(maxAttachments)} attachments)`);
                    continue;
                }
                const file = join(folder, `${String(index)}-${name}`);
                await writeFile(file, attachment.content);
                try {
                    const parsed = await parseNested(file);
                    for (const section of parsed.sections) {
                        sections.push({ text: section.text, headingPath: [...path, `Attachment: ${name}`, ...section.headingPath] });
                    }
                } catch (error) {
                    if (!(error instanceof DocumentError)) throw error;
                    skipped.push(`${name} (${error.kind.replace(/-/g, " ")})`);
                } finally {
                    await rm(file, { force: true });
                }
            }
        } finally {
            await rm(folder, { recursive: true, force: true });
        }
    } else skipped.push(...attachments.map((attachment, index) => safeName(attachment.filename, index)));
    if (skipped.length > 0) sections.push({ text: `Attachments not indexed: ${skipped.join(", ")}.`, headingPath: path });
    return { facts, sections, messageId: (mail.messageId ?? "").trim() };
}

/** An attachment's name made safe as a file name (no folders, no control characters), its extension kept for format detection. */
function safeName(filename: string | undefined, index: number): string {
    const base = (filename ?? "").split(/[\\/]/).pop()?.replace(/[\u0000-\u001f<>:"|?*]/g, "_").trim().slice(-120) ?? "";
    return base === "" || base === "." || base === ".." ? `attachment-${String(index + 1)}` : base;
}
