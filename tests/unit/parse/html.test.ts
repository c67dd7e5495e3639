import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../../src-main/ingest/parse/parseDocumentFile.js";
import { defaultParseLimits } from "../../../src-main/ingest/parse/types.js";
import { makeTempDir } from "./support/tempDir.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
    dir = await makeTempDir("html");
});
afterAll(async () => {
    await dir.remove();
});

const page = `<!DOCTYPE html><html><head><title>Gardening Guide</title>
<script>var tracking = "SCRIPT_SECRET";</script><style>.x { content: "STYLE_TEXT" }</style></head>
<body><nav><a href="/">Home</a> <a href="/about">NAV_ABOUT</a></nav>
<article><h1>Growing Tomatoes</h1>
<p>Tomatoes need full sun and regular watering to produce a good crop. Plant them after the last frost.</p>
<h2>Soil</h2><p>Use well-drained soil rich in organic matter. Add compost before planting,
   and keep the pH slightly acidic.</p>
<h3>Compost</h3><p>Mix two inches of compost into the top layer.</p>
<h2>Pests</h2><p>Watch for hornworms and aphids; pick them off by hand.</p>
<script>document.write("INLINE_SCRIPT")</script><img src="https://tracker.example.invalid/pixel.gif"></article>
<aside>ASIDE_RELATED</aside><footer>FOOTER_COPYRIGHT</footer></body></html>`;

describe("HTML parsing", () => {
    it("keeps the article, split at headings with their path, and drops navigation, scripts and styles", async () => {
        const path = dir.file("guide.html");
        await writeFile(path, page);
        const parsed = await parseDocumentFile(path, defaultParseLimits);
        expect(parsed).toEqual({
            format: "html",
            title: "Gardening Guide",
            sections: [
                {
                    text: "Tomatoes need full sun and regular watering to produce a good crop. Plant them after the last frost.",
                    headingPath: ["Growing Tomatoes"]
                },
                {
                    text: "Use well-drained soil rich in organic matter. Add compost before planting, and keep the pH slightly acidic.",
                    headingPath: ["Growing Tomatoes", "Soil"]
                },
                { text: "Mix two inches of compost into the top layer.", headingPath: ["Growing Tomatoes", "Soil", "Compost"] },
                { text: "Watch for hornworms and aphids; pick them off by hand.", headingPath: ["Growing Tomatoes", "Pests"] }
            ]
        });
    });

    it("reads the whole body, minus page furniture and scripts, when there is no article", async () => {
        const path = dir.file("tiny.htm");
        await writeFile(path, "<html><body><nav>NAV_MENU</nav><p>Short note.</p><ul><li>one</li><li>two</li></ul><script>x()</script></body></html>");
        const parsed = await parseDocumentFile(path, defaultParseLimits);
        const text = parsed.sections.map((section) => section.text).join("\n");
        expect(text).toContain("Short note.");
        expect(text).toContain("one\ntwo");
        expect(text).not.toContain("x()");
    });

    it("flattens nesting beyond the depth limit instead of overflowing or stalling", async () => {
        const path = dir.file("deep.html");
        const depth = 100_000;
        await writeFile(path, `<html><body>${"<div>".repeat(depth)}deep text${"</div>".repeat(depth)}<p>after</p></body></html>`);
        const started = Date.now();
        const parsed = await parseDocumentFile(path, defaultParseLimits);
        expect(parsed.sections.map((section) => section.text).join("\n")).toBe("deep text\n\nafter");
        expect(Date.now() - started).toBeLessThan(10_000);
    });

    it("reports a page without text as empty", async () => {
        const path = dir.file("empty.html");
        await writeFile(path, "<html><head><script>only()</script></head><body>  </body></html>");
        await expect(parseDocumentFile(path, defaultParseLimits)).rejects.toMatchObject({ name: "EmptyDocumentError" });
    });
});
