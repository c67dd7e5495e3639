import type { DocumentSource } from "../DocumentSource.js";
import { CorruptDocumentError } from "../errors/CorruptDocumentError.js";
import { EmptyDocumentError } from "../errors/EmptyDocumentError.js";
import type { ParsedDocument, ParsedSection } from "../types.js";
import type { ParseContext } from "../ParseContext.js";
import { readMessage } from "./readMessage.js";
import { countMboxMessages, splitMbox } from "./splitMbox.js";

/**
 * A mailbox (.mbox, as Thunderbird, Apple Mail and Google Takeout export it): each message under its
 * own heading ("Subject — sender, date"), opening with sender, date and subject, its readable
 * attachments after it. A message that cannot be read is skipped and counted, not fatal. Progress is
 * reported every 50 messages, which also restarts the time limit: a mailbox of 50,000 messages is read
 * in as long as it takes, while a single message that hangs the reader is still stopped.
 */
export async function parseMbox(source: DocumentSource, context: ParseContext): Promise<ParsedDocument> {
    const sections: ParsedSection[] = [];
    let read = 0;
    let unreadable = 0;
    const bytes = await source.readAll();
    const total = Math.max(1, countMboxMessages(bytes));
    for (const message of splitMbox(bytes)) {
        try {
            sections.push(...(await readMessage(message, messageHeading, context.parseNested, source.limits.maxHtmlDepth)).sections);
            read++;
        } catch {
            // One damaged message should not cost the reader the rest of the mailbox.
            unreadable++;
        }
        if ((read + unreadable) % 50 === 0) context.reportProgress({ stage: "messages", page: read + unreadable, pages: total });
    }
    const { fileName } = source;
    if (read === 0 && unreadable === 0) throw new EmptyDocumentError({ fileName, reason: "no-text" });
    if (read === 0) throw new CorruptDocumentError({ fileName, formatName: "mailbox", reason: "none of its messages could be read" });
    if (unreadable > 0) sections.push({ text: `${String(unreadable)} message(s) in this mailbox could not be read.`, headingPath: [] });
    return { format: "email", title: source.fileName.replace(/\.[^.]+$/, ""), sections };
}

function messageHeading(facts: { subject: string; from: string; date: string }): string[] {
    const who = [facts.from.replace(/\s*<[^>]*>/g, "").trim() || facts.from, facts.date.slice(0, 10)].filter((part) => part !== "");
    return [who.length > 0 ? `${facts.subject} — ${who.join(", ")}` : facts.subject];
}
