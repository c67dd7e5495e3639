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

    it("MBOX: each message is a part of its own, titled by its subject with its sender and date, sender, date and subject opening its text", async () => {
        const mbox = buildMbox([
            buildMail({ from: "Ada <ada@example.com>", subject: "Lunch", text: "Shall we meet at noon?\nFrom now on I bring soup.", date: "Mon, 04 Mar 2024 10:00:00 +0000", messageId: "<lunch@example.com>" }),
            buildMail({ from: "Grace <grace@example.com>", subject: "Re: Lunch", text: "Yes, noon is fine.", date: "Mon, 04 Mar 2024 11:15:00 +0000" })
        ]);
        const parsed = await parseBytes("inbox.mbox", mbox);
        expect(parsed).toMatchObject({ format: "email", title: "inbox", sections: [] });
        expect(parsed.parts?.map(({ key, title, sender, date }) => ({ key, title, sender, date }))).toEqual([
            { key: "<lunch@example.com>", title: "Lunch", sender: "Ada <ada@example.com>", date: "2024-03-04 10:00 UTC" },
            { key: expect.stringMatching(/^sha256:[0-9a-f]{32}$/) as string, title: "Re: Lunch", sender: "Grace <grace@example.com>", date: "2024-03-04 11:15 UTC" }
        ]);
        expect(parsed.parts?.[0]?.sections).toEqual([{ text: "From: Ada <ada@example.com>\nDate: 2024-03-04 10:00 UTC\nSubject: Lunch\n\nShall we meet at noon?\n>From now on I bring soup.", headingPath: [] }]);
        expect(parsed.parts?.[1]?.sections[0]?.text).toContain("Yes, noon is fine.");
        expect(parsed.parts?.[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("MBOX: a message's attachment is read as part of that message, under its name", async () => {
        const docx = await buildDocx({ body: paragraph("The budget is 40,000 euros.") });
        const mbox = buildMbox([
            buildMail({ from: "a@example.com", subject: "Hello", text: "Just hello." }),
            buildMail({ from: "b@example.com", subject: "Budget", text: "Attached.", attachments: [{ name: "budget.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content: docx }] })
        ]);
        const parsed = await parseBytes("attach.mbox", mbox);
        expect(parsed.parts?.[0]?.sections.map((section) => section.text).join(" ")).not.toContain("40,000");
        expect(parsed.parts?.[1]?.sections).toContainEqual({ text: "The budget is 40,000 euros.", headingPath: ["Attachment: budget.docx"] });
    });

    it("MBOX: a message without subject, date or sender is kept, titled '(no subject)' with no sender or date", async () => {
        const parsed = await parseBytes("bare.mbox", buildMbox([buildMail({ date: null, text: "A note with no headers at all." })]));
        expect(parsed.parts).toHaveLength(1);
        expect(parsed.parts?.[0]).toMatchObject({ title: "(no subject)", sender: "", date: "" });
        expect(parsed.parts?.[0]?.sections[0]?.text).toBe("From: (unknown sender)\nSubject: (no subject)\n\nA note with no headers at all.");
    });

    it("MBOX: different messages sharing a Message-ID are both kept (keys #2), a message saved twice byte for byte once; keys survive messages added before them", async () => {
        const first = buildMail({ from: "a@example.com", subject: "One", text: "first text", messageId: "<same@example.com>" });
        const second = buildMail({ from: "a@example.com", subject: "Two", text: "second text", messageId: "<same@example.com>" });
        const parsed = await parseBytes("dupes.mbox", buildMbox([first, second, first]));
        expect(parsed.parts?.map((part) => [part.key, part.title])).toEqual([["<same@example.com>", "One"], ["<same@example.com>#2", "Two"]]);
        const plain = buildMail({ from: "a@example.com", subject: "Plain", text: "no id here" });
        const before = await parseBytes("grow.mbox", buildMbox([plain]));
        const after = await parseBytes("grow.mbox", buildMbox([buildMail({ from: "c@example.com", subject: "New", text: "new" }), plain]));
        expect(after.parts?.[1]?.key).toBe(before.parts?.[0]?.key);
        expect(after.parts?.[1]?.contentHash).toBe(before.parts?.[0]?.contentHash);
    });

    it("MBOX: 50,000 tiny messages over 'Most messages in a mailbox' are refused before any is read, naming the setting", async () => {
        const tiny = buildMail({ from: "a@example.com", subject: "x", text: "y" });
        const path = await samples.write("huge.mbox", buildMbox(Array.from({ length: 50_000 }, () => tiny)));
        const started = performance.now();
        await expect(parseDocumentFile(path, { ...defaultParseLimits, maxMessages: 20_000 })).rejects.toMatchObject({
            name: "TooManyPagesError",
            message: '"huge.mbox" has 50,000 messages, over the limit of 20,000. Export its folders as separate mailboxes from your mail program, or raise "Most messages in a mailbox" in Settings > Documents.'
        });
        expect(performance.now() - started).toBeLessThan(2_000);
    });

    it("MBOX: a large mailbox reports the messages read every 50 (which restarts the parser's time limit)", async () => {
        const messages = Array.from({ length: 120 }, (_, index) => buildMail({ from: "a@example.com", subject: `Note ${String(index)}`, text: `Body ${String(index)}` }));
        const path = await samples.write("big.mbox", buildMbox(messages));
        const reports: unknown[] = [];
        const parsed = await parseDocumentFile(path, defaultParseLimits, { reportProgress: (progress) => reports.push(progress) });
        expect(parsed.parts).toHaveLength(120);
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
