import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../../src-main/ingest/parse/parseDocumentFile.js";
import { defaultParseLimits } from "../../../src-main/ingest/parse/types.js";
import { makeTempDir } from "./support/tempDir.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
    dir = await makeTempDir("markdown");
});
afterAll(async () => {
    await dir.remove();
});

async function parseMarkdownText(name: string, text: string) {
    const path = dir.file(name);
    await writeFile(path, text);
    return parseDocumentFile(path, defaultParseLimits);
}

describe("Markdown parsing", () => {
    it("splits at ATX and setext headings and keeps the heading path", async () => {
        const parsed = await parseMarkdownText(
            "notes.md",
            [
                "Preface before any heading.",
                "",
                "# Travel",
                "Pack light.",
                "",
                "## Trains ##",
                "Book *early*.",
                "",
                "Flights",
                "-------",
                "Arrive two hours before.",
                "",
                "### Luggage",
                "- one bag",
                "- one coat",
                "",
                "Budget",
                "======",
                "Spend less."
            ].join("\r\n")
        );
        expect(parsed).toEqual({
            format: "markdown",
            title: "Travel",
            sections: [
                { text: "Preface before any heading.", headingPath: [] },
                { text: "Pack light.", headingPath: ["Travel"] },
                { text: "Book *early*.", headingPath: ["Travel", "Trains"] },
                { text: "Arrive two hours before.", headingPath: ["Travel", "Flights"] },
                { text: "- one bag\n- one coat", headingPath: ["Travel", "Flights", "Luggage"] },
                { text: "Spend less.", headingPath: ["Budget"] }
            ]
        });
    });

    it("does not treat # lines inside fenced code as headings", async () => {
        const parsed = await parseMarkdownText("code.markdown", "# Script\n\n```bash\n# install\nnpm ci\n```\nDone.\n");
        expect(parsed.sections).toEqual([{ text: "```bash\n# install\nnpm ci\n```\nDone.", headingPath: ["Script"] }]);
    });

    it("takes the title from front matter and does not index the YAML", async () => {
        const parsed = await parseMarkdownText("post.md", '---\ntitle: "Garden log"\ntags: [plants]\n---\nTomatoes are up.\n');
        expect(parsed.title).toBe("Garden log");
        expect(parsed.sections).toEqual([{ text: "Tomatoes are up.", headingPath: [] }]);
    });

    it("reports a Markdown file with only blank lines as empty", async () => {
        await expect(parseMarkdownText("blank.md", "\n\n   \n")).rejects.toMatchObject({ name: "EmptyDocumentError" });
    });
});
