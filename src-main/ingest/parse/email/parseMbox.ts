import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import { TooManyPagesError } from "../errors/TooManyPagesError.js";
import type { ParsedDocument, ParsedPart } from "../types.js";
import type { ParseContext } from "../ParseContext.js";
import { MessageKeys } from "./MessageKeys.js";
import { readMessage } from "./readMessage.js";
import { countMboxMessages, splitMbox } from "./splitMbox.js";

/**
 * A mailbox (.mbox, as Thunderbird, Apple Mail and Google Takeout export it): each message becomes a
 * part, a document of its own titled by its subject, with its sender and date, opening with sender,
 * date and subject, its readable attachments after it. A mailbox with more messages than the limit is
 * refused before any is read. A message that cannot be read is left out and counted, not fatal.
 * Progress is reported every 50 messages, which also restarts the time limit: a mailbox of thousands
 * of messages is read in as long as it takes, while a single message that hangs the reader is stopped.
 */
export async function parseMbox(source: DocumentSource, context: ParseContext): Promise<ParsedDocument> {
    const { fileName } = source;
    const bytes = await source.readAll();
    const total = countMboxMessages(bytes);
    if (total > source.limits.maxMessages)
        throw new TooManyPagesError({ fileName, pageCount: total, limit: source.limits.maxMessages, unit: "messages" });
    const parts: ParsedPart[] = [];
    const keys = new MessageKeys();
    let done = 0;
    let unreadable = 0;
    for (const message of splitMbox(bytes)) {
        done++;
        try {
            const { facts, sections, messageId } = await readMessage(message, () => [], context.parseNested, source.limits.maxHtmlDepth);
            const identity = keys.next(messageId, message);
            if (identity !== null) parts.push({ ...identity, sizeBytes: message.length, title: facts.subject, sender: facts.from, date: facts.date, sections });
        } catch {
            // One damaged message should not cost the reader the rest of the mailbox.
            unreadable++;
        }
        if (done % 50 === 0) context.reportProgress({ stage: "messages", page: done, pages: Math.max(1, total) });
    }
    if (done === 0) throw new EmptyDocumentError({ fileName, reason: "no-text" });
    if (parts.length === 0) throw new CorruptDocumentError({ fileName, formatName: "mailbox", reason: "none of its messages could be read" });
    return { format: "email", title: fileName.replace(/\.[^.]+$/, ""), sections: [], parts, ...(unreadable > 0 ? { unreadableParts: unreadable } : {}) };
}
