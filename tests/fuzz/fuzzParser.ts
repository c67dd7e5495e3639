import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DocumentError } from "../../src-main/ingest/parse/errors/DocumentError.js";
import { ParserClient } from "../../src-main/ingest/parse/ParserClient.js";
import { buildDocx, paragraph } from "../unit/parse/support/sampleDocx.js";
import { writeTextPdf } from "../unit/parse/support/samplePdf.js";
import { mutateBytes, type ByteMutation } from "./mutateBytes.js";
import { Random } from "./Random.js";

export type ParserFuzzFailure = { file: string; mutation: ByteMutation; problem: string };

export type ParserFuzzSummary = {
    documents: number;
    parsed: number;
    /** Refused with a named reason (corrupt, empty, too large, unsupported, ...). */
    refused: number;
    /** The worker hung or died on the file: it was stopped, the file failed with a reason, and the next file got a fresh worker. */
    workerRestarts: number;
    failures: ParserFuzzFailure[];
    byFormat: Record<string, number>;
    seconds: number;
};

/** One well-formed document per format the parser reads. */
async function seeds(dir: string): Promise<Record<string, Buffer>> {
    const pdfFile = path.join(dir, "seed.pdf");
    await writeTextPdf(pdfFile, [["Harbour rules", "In winter the harbour turns deep teal."], ["Refunds", "Paid within fourteen days."]], "Harbour");
    return {
        md: Buffer.from("# Harbour\n\nIn winter the harbour turns *deep teal*.\n\n## Refunds\n\n- Paid within [fourteen](https://example.org) days.\n\n```js\ncode()\n```\n"),
        txt: Buffer.from("The help desk opens at nine and closes at five.\n\nRefunds are paid within fourteen days.\n"),
        html: Buffer.from("<!doctype html><html><head><title>Rules</title><style>p{}</style></head><body><article><h1>Rules</h1><p>No dogs on the <b>pier</b>.</p><table><tr><td>a</td></tr></table><script>x()</script></article></body></html>"),
        csv: Buffer.from("name,colour,\"quoted, field\"\nharbour,teal,\"a\"\"b\"\nsky,grey,c\n"),
        docx: await buildDocx({ body: `${paragraph("Harbour", "Heading1")}${paragraph("In winter the harbour turns deep teal.")}`, title: "Harbour" }),
        pdf: fs.readFileSync(pdfFile)
    };
}

/**
 * The parser worker under mutated documents of every format: each must parse, or be refused with a named
 * reason, or stop the worker (hang or crash) with a reason while the next file gets a fresh worker; this
 * process must never see an uncaught error.
 */
export async function fuzzParser(options: { documents: number; seed: number; timeoutMs?: number; log?: (line: string) => void }): Promise<ParserFuzzSummary> {
    const started = performance.now();
    const random = new Random(options.seed);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-parser-fuzz-"));
    const parser = new ParserClient({ limits: { timeoutMs: options.timeoutMs ?? 10_000, maxBytes: 20 * 1024 * 1024 }, heapLimitMb: 512 });
    const crashes: string[] = [];
    const onCrash = (error: unknown) => crashes.push(error instanceof Error ? error.message : String(error));
    process.on("uncaughtException", onCrash);
    process.on("unhandledRejection", onCrash);
    const summary: ParserFuzzSummary = { documents: 0, parsed: 0, refused: 0, workerRestarts: 0, failures: [], byFormat: {}, seconds: 0 };
    try {
        const samples = await seeds(dir);
        const formats = Object.keys(samples);
        for (let i = 0; i < options.documents; i++) {
            const format = random.pick(formats);
            const { bytes, mutation } = mutateBytes(samples[format]!, samples[random.pick(formats)]!, random);
            const file = path.join(dir, `doc-${i}.${format}`);
            fs.writeFileSync(file, bytes);
            summary.documents++;
            summary.byFormat[format] = (summary.byFormat[format] ?? 0) + 1;
            try {
                const parsed = await parser.parse(file);
                if (!Array.isArray(parsed.sections)) throw new Error("no sections");
                summary.parsed++;
            } catch (error) {
                const name = error instanceof Error ? error.name : "";
                const message = error instanceof Error ? error.message : String(error);
                if (error instanceof DocumentError && message.trim() !== "") summary.refused++;
                else if ((name === "WorkerTimeoutError" || name === "WorkerCrashedError") && message.trim() !== "") summary.workerRestarts++;
                else summary.failures.push({ file: `doc-${i}.${format}`, mutation, problem: `${name}: ${message.slice(0, 300)}` });
            } finally {
                fs.rmSync(file, { force: true });
            }
            if ((i + 1) % 100 === 0) options.log?.(`parser: ${i + 1} documents`);
        }
        for (const crash of crashes) summary.failures.push({ file: "(this process)", mutation: "flip", problem: `uncaught: ${crash}` });
        summary.seconds = Math.round((performance.now() - started) / 100) / 10;
        return summary;
    } finally {
        process.off("uncaughtException", onCrash);
        process.off("unhandledRejection", onCrash);
        await parser.dispose();
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
