import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fictionalDocuments } from "./fictionalDocuments.js";
import type { CorpusFile } from "./types.js";
import { renderDocument } from "./writers/renderDocument.js";

/**
 * Writes every fictional document into `dir` (which must exist) as a file of its format: PDF,
 * DOCX, Markdown, HTML and plain text. The bytes are the same on every run.
 */
export async function writeFictionalCorpus(dir: string): Promise<CorpusFile[]> {
    const files: CorpusFile[] = [];
    for (const document of fictionalDocuments) {
        const path = join(dir, document.fileName);
        await writeFile(path, await renderDocument(document));
        files.push({ fileName: document.fileName, format: document.format, path });
    }
    return files;
}
