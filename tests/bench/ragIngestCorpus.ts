import fs from "node:fs/promises";
import path from "node:path";
import { writeTextPdf } from "../unit/parse/support/samplePdf.js";
import { RagSyntheticCorpus } from "./ragSyntheticCorpus.js";

export type IngestCorpusShape = {
    pdfs: number; pagesPerPdf: number; markdownFiles: number; textFiles: number;
    /** Words per PDF page (about a page of prose) and per Markdown or text section. */
    wordsPerPage: number;
};

export const defaultIngestCorpus: IngestCorpusShape = { pdfs: 4, pagesPerPdf: 25, markdownFiles: 30, textFiles: 30, wordsPerPage: 300 };

/**
 * Writes a folder of mixed documents: multi-page PDFs (a real text layer, one line of ~12 words per text
 * line), Markdown with headings and paragraphs, and plain text. Returns the page count (PDF pages, plus
 * one per Markdown or text file, as the library counts them).
 */
export async function writeIngestCorpus(dir: string, shape: IngestCorpusShape, seed = "rag-ingest"): Promise<{ files: number; pages: number }> {
    const corpus = new RagSyntheticCorpus(seed);
    await fs.mkdir(dir, { recursive: true });
    const lines = (words: number) => {
        const out: string[] = [];
        for (let left = words; left > 0; left -= 12) out.push(corpus.text(Math.min(12, left)));
        return out;
    };
    for (let i = 0; i < shape.pdfs; i++) {
        const pages = Array.from({ length: shape.pagesPerPdf }, () => lines(shape.wordsPerPage).slice(0, 40));
        await writeTextPdf(path.join(dir, `report-${i}.pdf`), pages, `Report ${i}`);
    }
    const paragraphs = (count: number) => Array.from({ length: count }, () => corpus.text(Math.ceil(shape.wordsPerPage / count))).join("\n\n");
    for (let i = 0; i < shape.markdownFiles; i++) {
        const sections = [1, 2, 3].map((n) => `## Part ${n}\n\n${paragraphs(3)}`).join("\n\n");
        await fs.writeFile(path.join(dir, `note-${i}.md`), `# Note ${i}\n\n${sections}\n`);
    }
    for (let i = 0; i < shape.textFiles; i++) await fs.writeFile(path.join(dir, `letter-${i}.txt`), `${paragraphs(6)}\n`);
    return { files: shape.pdfs + shape.markdownFiles + shape.textFiles, pages: shape.pdfs * shape.pagesPerPdf + shape.markdownFiles + shape.textFiles };
}
