import { createRequire } from "node:module";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createWorker, OEM, type Worker } from "tesseract.js";
import { ocrLanguageDataPath } from "./ocrLanguageData.js";

/**
 * tesseract.js's worker-thread script. In the installed app it is unpacked beside the archive
 * (electron-builder's asarUnpack): a worker thread loads its script and WebAssembly core as plain files.
 */
const workerPath = createRequire(import.meta.url).resolve("tesseract.js/src/worker-script/node/index.js").replace(/app\.asar([\\/])/, "app.asar.unpacked$1");

/**
 * Text recognition with tesseract.js (Tesseract compiled to WebAssembly, in a worker thread of the
 * parser process). The language data comes from the installed packages: each language's file is
 * copied into one private temporary folder given to tesseract as a local path (tesseract.js takes one
 * folder for all languages, and reads a local path from disk, never the network), removed once loaded;
 * its cache is off, so it writes nothing else. Created per document and terminated after: the parser
 * process stays small between files.
 */
export class TextRecognizer {
    private constructor(private readonly worker: Worker) {}

    public static async create(languages: readonly string[]): Promise<TextRecognizer> {
        const folder = await mkdtemp(join(tmpdir(), "locus-ocr-"));
        try {
            for (const code of languages) await writeFile(join(folder, `${code}.traineddata.gz`), await readFile(ocrLanguageDataPath(code)));
            const worker = await createWorker([...languages], OEM.LSTM_ONLY, {
                langPath: folder,
                workerPath,
                cacheMethod: "none",
                gzip: true,
                legacyCore: false,
                legacyLang: false,
                errorHandler: () => undefined
            });
            return new TextRecognizer(worker);
        } finally {
            await rm(folder, { recursive: true, force: true });
        }
    }

    /** The text of one image (PNG, JPEG, BMP...), lines kept, blank runs trimmed. */
    public async recognize(image: Buffer): Promise<string> {
        const { data } = await this.worker.recognize(image);
        return data.text
            .split("\n")
            .map((line) => line.replace(/\s+/g, " ").trim())
            .join("\n")
            .replace(/\n{3,}/g, "\n\n")
            .trim();
    }

    public async dispose(): Promise<void> {
        await this.worker.terminate();
    }
}
