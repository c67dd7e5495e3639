import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ParserClient } from "../../../src-main/ingest/parse/ParserClient.js";
import { WorkerDisposedError } from "../../../src-main/workers/WorkerDisposedError.js";
import { WorkerTimeoutError } from "../../../src-main/workers/WorkerTimeoutError.js";
import { writeTextPdf } from "./support/samplePdf.js";
import { makeTempDir } from "./support/tempDir.js";

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let parser: ParserClient;
const bigPdfPages = 200;

beforeAll(async () => {
    dir = await makeTempDir("client");
    parser = new ParserClient();
    const pages = Array.from({ length: bigPdfPages }, (_, index) => [
        `Chapter ${String(index + 1)}`,
        `This page talks about topic number ${String(index + 1)} in some detail.`,
        "It has a few lines of text, like a real report would."
    ]);
    await writeTextPdf(dir.file("long.pdf"), pages);
    await writeFile(dir.file("next.md"), "# Next\nThe next file parses.\n");
}, 60_000);
afterAll(async () => {
    await parser.dispose();
    await dir.remove();
});

describe("ParserClient", { timeout: 60_000 }, () => {
    it("parses a 200-page PDF in the worker, page by page", async () => {
        await parser.parse(dir.file("next.md")); // start the worker, so the timing is the parse alone
        const started = performance.now();
        const parsed = await parser.parse(dir.file("long.pdf"));
        const elapsedMs = performance.now() - started;
        console.info(`[parse] ${String(bigPdfPages)}-page PDF parsed in the worker in ${elapsedMs.toFixed(0)} ms`);
        expect(parsed.sections).toHaveLength(bigPdfPages);
        expect(parsed.sections[199]).toEqual({
            text: "Chapter 200\nThis page talks about topic number 200 in some detail.\nIt has a few lines of text, like a real report would.",
            page: 200,
            headingPath: []
        });
    });

    it("kills a parse that runs past its time limit, reports a timeout, and parses the next file in a new worker", async () => {
        const parse = parser.parse(dir.file("long.pdf"), { timeoutMs: 20 });
        await expect(parse).rejects.toBeInstanceOf(WorkerTimeoutError);
        await expect(parse).rejects.toMatchObject({
            kind: "timeout",
            message: expect.stringMatching(/^Parsing "long\.pdf" took longer than 20 ms and was stopped\. The file may be damaged/)
        });
        await expect(parser.parse(dir.file("next.md"))).resolves.toMatchObject({ format: "markdown", title: "Next" });
    });

    it("rejects invalid limits without bothering the worker", async () => {
        await expect(parser.parse(dir.file("next.md"), { maxPages: -1 })).rejects.toThrow(/Invalid parse limits/);
    });

    it("fails parses after dispose", async () => {
        const disposable = new ParserClient();
        await disposable.dispose();
        await expect(disposable.parse(dir.file("next.md"))).rejects.toBeInstanceOf(WorkerDisposedError);
    });
});
