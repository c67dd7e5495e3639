import fs from "node:fs/promises";
import path from "node:path";
import { writeTextPdf } from "../unit/parse/support/samplePdf.js";
import { RagSyntheticCorpus } from "./ragSyntheticCorpus.js";

export type IngestCorpusShape = {
    pdfs: number; pagesPerPdf: number; markdownFiles: number; textFiles: number;
    /** Words per PDF page (about a page of prose) and per Markdown or text section. */
    wordsPerPage: number;
    /**
     * Repetition, as real folders have it: every letter ends with the same footer paragraph, and this
     * many copies of the letters sit in a `copies/` folder (0: no repetition).
     */
    copies?: number;
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
    const copies = shape.copies ?? 0;
    const footer = copies > 0 ? `\n\n${corpus.text(40)}` : "";
    const letters = Array.from({ length: shape.textFiles }, () => `${paragraphs(6)}${footer}\n`);
    for (const [i, letter] of letters.entries()) await fs.writeFile(path.join(dir, `letter-${i}.txt`), letter);
    for (let copy = 0; copy < copies; copy++) {
        await fs.mkdir(path.join(dir, "copies", `set-${copy}`), { recursive: true });
        for (const [i, letter] of letters.entries()) await fs.writeFile(path.join(dir, "copies", `set-${copy}`, `letter-${i}.txt`), letter);
    }
    const textFiles = shape.textFiles * (1 + copies);
    return { files: shape.pdfs + shape.markdownFiles + textFiles, pages: shape.pdfs * shape.pagesPerPdf + shape.markdownFiles + textFiles };
}
