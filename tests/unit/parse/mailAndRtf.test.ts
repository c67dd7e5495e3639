import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../../src-main/ingest/parse/parseDocumentFile.js";
import { defaultParseLimits } from "../../../src-main/ingest/parse/types.js";
import { buildDocx, paragraph } from "./support/sampleDocx.js";
import { buildMail, buildMbox } from "./support/sampleMail.js";
import { sampleFiles } from "./support/sampleFiles.js";

const samples = sampleFiles("mail");
const parseBytes = samples.parse;

describe("e-mail and RTF", () => {
    it("EML: titled by its subject, opening with sender, recipients, date and subject; a Word attachment indexed under its name, an unreadable one named", async () => {
        const docx = await buildDocx({ body: paragraph("Budget", "Heading1") + paragraph("The budget is 40,000 euros.") });
        const mail = buildMail({
            from: "Ada Lovelace <ada@example.com>", to: "grace@example.com", subject: "Budget for 2025",
            text: "Hi Grace,\n\nthe budget is attached.\n\nAda",
            attachments: [
                { name: "budget.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content: docx },
                { name: "photo.png", type: "image/png", content: Buffer.from("89504e470d0a1a0a0000", "hex") }
            ]
        });
        const parsed = await parseBytes("budget.eml", mail);
        expect(parsed.format).toBe("email");
        expect(parsed.title).toBe("Budget for 2025");
        expect(parsed.sections[0]).toEqual({
            text: "From: Ada Lovelace <ada@example.com>\nTo: grace@example.com\nDate: 2024-03-01 09:30 UTC\nSubject: Budget for 2025\n\nHi Grace,\n\nthe budget is attached.\n\nAda",
            headingPath: []
        });
        expect(parsed.sections).toContainEqual({ text: "The budget is 40,000 euros.", headingPath: ["Attachment: budget.docx", "Budget"] });
        expect(parsed.sections.at(-1)?.text).toMatch(/^Attachments not indexed: photo\.png \(/);
    });

    it("EML: an HTML-only message is read as text, a Latin-1 body decoded by its charset", async () => {
        const html = await parseBytes("news.eml", buildMail({ from: "news@example.com", subject: "News", html: "<html><body><h1>Launch</h1><p>We ship on <b>Monday</b>.</p><script>x()</script></body></html>" }));
        expect(html.sections.map((section) => section.text).join("\n")).toContain("We ship on Monday.");
        expect(JSON.stringify(html)).not.toContain("x()");
        const latin = await parseBytes("latin.eml", buildMail({ from: "jose@example.com", subject: "Café", text: "Crème brûlée à 5 €", charset: "iso-8859-15" }));
        expect(latin.sections[0]?.text).toContain("Crème brûlée à 5 €");
    });

    it("MBOX: each message under its own heading (subject, sender, date) with sender, date and subject in its text", async () => {
        const mbox = buildMbox([
            buildMail({ from: "Ada <ada@example.com>", subject: "Lunch", text: "Shall we meet at noon?\nFrom now on I bring soup.", date: "Mon, 04 Mar 2024 10:00:00 +0000" }),
            buildMail({ from: "Grace <grace@example.com>", subject: "Re: Lunch", text: "Yes, noon is fine.", date: "Mon, 04 Mar 2024 11:15:00 +0000" })
        ]);
        const parsed = await parseBytes("inbox.mbox", mbox);
        expect(parsed.format).toBe("email");
        expect(parsed.sections.map((section) => section.headingPath)).toEqual([["Lunch — Ada, 2024-03-04"], ["Re: Lunch — Grace, 2024-03-04"]]);
        expect(parsed.sections[0]?.text).toBe("From: Ada <ada@example.com>\nDate: 2024-03-04 10:00 UTC\nSubject: Lunch\n\nShall we meet at noon?\n>From now on I bring soup.");
        expect(parsed.sections[1]?.text).toContain("Yes, noon is fine.");
    });

    it("MBOX: a large mailbox reports the messages read every 50 (which restarts the parser's time limit)", async () => {
        const messages = Array.from({ length: 120 }, (_, index) => buildMail({ from: "a@example.com", subject: `Note ${String(index)}`, text: `Body ${String(index)}` }));
        const path = await samples.write("big.mbox", buildMbox(messages));
        const reports: unknown[] = [];
        const parsed = await parseDocumentFile(path, defaultParseLimits, { reportProgress: (progress) => reports.push(progress) });
        expect(parsed.sections).toHaveLength(120);
        expect(reports).toEqual([{ stage: "messages", page: 50, pages: 120 }, { stage: "messages", page: 100, pages: 120 }]);
    });

    it("RTF: paragraphs with code-page and Unicode escapes decoded; pictures, fields' codes, headers and metadata left out", async () => {
        const rtf = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times;}}{\info{\title Secret title}}{\header Running header\par}` +
            String.raw`\pard Caf\'e9 cr\u232?me costs 2,50 \'80.\par Second paragraph\tab with a tab.\par` +
            String.raw`{\field{\*\fldinst HYPERLINK "http://tracker.invalid"}{\fldrslt our site}}\par{\pict\pngblip 89504e470d0a}}`;
        const parsed = await parseBytes("menu.rtf", iconv.encode(rtf, "latin1"));
        expect(parsed).toEqual({ format: "rtf", sections: [{ text: "Café crème costs 2,50 €.\n\nSecond paragraph\twith a tab.\n\nour site", headingPath: [] }] });
    });
});
