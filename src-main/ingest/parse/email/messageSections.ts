import type { AddressObject, ParsedMail } from "mailparser";
import { parseHTML } from "linkedom";
import { flattenDeepMarkup } from "../html/flattenDeepMarkup.js";
import { sectionsFromDom, type DomNode } from "../html/sectionsFromDom.js";
import { SectionBuilder } from "../SectionBuilder.js";
import type { ParsedSection } from "../types.js";

export interface MessageFacts {
    subject: string;
    from: string;
    /** "2024-03-01 09:30 UTC", or "" when the message has no valid date. */
    date: string;
}

/** Sender, date and subject as a person reads them. */
export function messageFacts(mail: ParsedMail): MessageFacts {
    const subject = (mail.subject ?? "").replace(/\s+/g, " ").trim().slice(0, 300) || "(no subject)";
    const date = mail.date !== undefined && !Number.isNaN(mail.date.getTime())
        ? `${mail.date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
    return { subject, from: addresses(mail.from), date };
}

/**
 * A message's body as sections under `headingPath`, its first starting with the sender, recipients,
 * date and subject, so every message found in a search says who wrote it and when. The plain-text body
 * is read when there is one, else the HTML body (through the same inert reader as web pages).
 */
export function messageSections(mail: ParsedMail, facts: MessageFacts, headingPath: string[], maxHtmlDepth: number): ParsedSection[] {
    const header = [
        `From: ${facts.from || "(unknown sender)"}`,
        ...(addresses(mail.to) ? [`To: ${addresses(mail.to)}`] : []),
        ...(facts.date ? [`Date: ${facts.date}`] : []),
        `Subject: ${facts.subject}`
    ].join("\n");
    const body = bodySections(mail, maxHtmlDepth);
    const [first, ...rest] = body;
    const opening = { text: first === undefined ? header : `${header}\n\n${first.text}`, headingPath };
    return [opening, ...rest.map((section) => ({ text: section.text, headingPath: [...headingPath, ...section.headingPath] }))];
}

function bodySections(mail: ParsedMail, maxHtmlDepth: number): ParsedSection[] {
    if (mail.text !== undefined && mail.text.trim() !== "") {
        const builder = new SectionBuilder();
        for (const line of mail.text.split(/\r\n|\n|\r/)) {
            if (line.trim() === "") {
                builder.append("\n\n");
                builder.paragraphBreak();
            } else builder.append(`${line}\n`);
        }
        return builder.finish().map((section) => ({ text: section.text, headingPath: [] }));
    }
    if (typeof mail.html === "string" && mail.html.trim() !== "") {
        const { document } = parseHTML(flattenDeepMarkup(mail.html, maxHtmlDepth));
        const body = (document.body ?? document.documentElement) as DomNode | null;
        return body === null ? [] : sectionsFromDom(body, { skipBoilerplate: false }).sections;
    }
    return [];
}

/** "Ada Lovelace <ada@example.com>, grace@example.com": names as written, without mailparser's quotes. */
function addresses(value: AddressObject | AddressObject[] | undefined): string {
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const people = list.flatMap((entry) => entry.value).flatMap(function flatten(address): string[] {
        if (address.group !== undefined) return address.group.flatMap(flatten);
        const name = address.name.trim();
        const mail = address.address ?? "";
        return name === "" ? [mail] : mail === "" ? [name] : [`${name} <${mail}>`];
    });
    return people.filter((person) => person !== "").join(", ").replace(/\s+/g, " ").trim().slice(0, 500);
}
