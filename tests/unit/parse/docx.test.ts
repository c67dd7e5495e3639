import mammoth from "mammoth";
import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../../src-main/ingest/parse/parseDocumentFile.js";
import { defaultParseLimits } from "../../../src-main/ingest/parse/types.js";
import { buildDocx, paragraph, picture, writeDocx } from "./support/sampleDocx.js";
import { makeTempDir } from "./support/tempDir.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
    dir = await makeTempDir("docx");
});
afterAll(async () => {
    await dir.remove();
});

describe("DOCX parsing", () => {
    it("splits the document at its headings and keeps the heading path", async () => {
        const path = dir.file("handbook.docx");
        await writeDocx(path, {
            title: "Staff &amp; Handbook",
            body: [
                paragraph("Welcome to the team."),
                paragraph("Leave", "Heading1"),
                paragraph("Everyone gets 25 days of leave."),
                paragraph("Sick leave", "Heading2"),
                paragraph("Tell your manager before 9am."),
                paragraph("Parental leave", "Heading2"),
                paragraph("Sixteen weeks, fully paid."),
                paragraph("Equipment", "Heading1"),
                paragraph("Laptops are replaced every three years.")
            ].join("")
        });
        const parsed = await parseDocumentFile(path, defaultParseLimits);
        expect(parsed).toEqual({
            format: "docx",
            title: "Staff & Handbook",
            sections: [
                { text: "Welcome to the team.", headingPath: [] },
                { text: "Everyone gets 25 days of leave.", headingPath: ["Leave"] },
                { text: "Tell your manager before 9am.", headingPath: ["Leave", "Sick leave"] },
                { text: "Sixteen weeks, fully paid.", headingPath: ["Leave", "Parental leave"] },
                { text: "Laptops are replaced every three years.", headingPath: ["Equipment"] }
            ]
        });
    });

    it("never reads a local file that a linked image points at, and fetches nothing", async () => {
        const secretText = "TOP-SECRET-PASSWORDS-4711";
        const secretPath = dir.file("secret.png");
        await writeFile(secretPath, secretText);
        const docx = await buildDocx({
            body: paragraph("Visible text.") + picture("rIdSecret", "link") + picture("rIdEmbedded", "embed") +
                `<w:p><w:hyperlink r:id="rIdWeb"><w:r><w:t>our website</w:t></w:r></w:hyperlink></w:p>`,
            relationships: [
                { id: "rIdSecret", type: "image", target: `file://${secretPath}`, external: true },
                { id: "rIdEmbedded", type: "image", target: "media/image1.png" },
                { id: "rIdWeb", type: "hyperlink", target: "https://tracker.example.invalid/pixel", external: true }
            ],
            parts: { "word/media/image1.png": Buffer.from("EMBEDDED-IMAGE-BYTES") }
        });
        const path = dir.file("linked-image.docx");
        await writeFile(path, docx);

        // The sample is a real threat: mammoth with file access and data-URI images would inline the secret.
        const unsafe = await mammoth.convertToHtml({ path }, { externalFileAccess: true });
        expect(unsafe.value).toContain(Buffer.from(secretText).toString("base64"));

        const parsed = await parseDocumentFile(path, defaultParseLimits);
        const everything = JSON.stringify(parsed);
        expect(parsed.sections.map((section) => section.text).join("\n")).toBe("Visible text.\n\nour website");
        for (const leak of [secretText, Buffer.from(secretText).toString("base64"), "EMBEDDED-IMAGE-BYTES", "tracker.example"]) {
            expect(everything).not.toContain(leak);
        }
    });

    it("reports a zip that is not a Word package as corrupt", async () => {
        const path = dir.file("not-word.docx");
        await writeFile(path, Buffer.from("PK\u0003\u0004 then no real zip structure at all"));
        await expect(parseDocumentFile(path, defaultParseLimits)).rejects.toMatchObject({
            name: "CorruptDocumentError",
            message: expect.stringContaining('"not-word.docx" could not be read as a Word document')
        });
    });

    it("reports a document without text as empty", async () => {
        const path = dir.file("blank.docx");
        await writeDocx(path, { body: paragraph("") });
        await expect(parseDocumentFile(path, defaultParseLimits)).rejects.toMatchObject({ name: "EmptyDocumentError", kind: "empty" });
    });
});
