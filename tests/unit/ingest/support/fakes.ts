import fs from "node:fs/promises";
import path from "node:path";
import type { IngestEmbedder } from "../../../../src-main/ingest/types.js";
import { UnsupportedDocumentError } from "../../../../src-main/ingest/parse/errors/UnsupportedDocumentError.js";
import type { ParsedDocument } from "../../../../src-main/ingest/parse/types.js";
import { hashedEmbedding } from "../../retrieval/support/hashedEmbedding.js";

/** Parses any file as plain text (paragraphs become sections), except ".xyz", which it refuses like the real parser. */
export class FakeParser {
    static parsed: string[] = [];
    static disposed = 0;
    /** When set, a parse of a file whose name matches waits until the parser is disposed. */
    static hangOn: RegExp | undefined;
    #release: Array<(error: Error) => void> = [];

    async parse(filePath: string): Promise<ParsedDocument> {
        FakeParser.parsed.push(path.basename(filePath));
        if (FakeParser.hangOn?.test(filePath)) await new Promise<never>((_, reject) => this.#release.push(reject));
        if (filePath.endsWith(".xyz")) throw new UnsupportedDocumentError({ fileName: path.basename(filePath), detected: "a binary file" });
        const text = await fs.readFile(filePath, "utf8");
        return { format: "text", sections: text.split(/\n\n+/).filter((part) => part.trim() !== "").map((part) => ({ text: part, headingPath: [] })) };
    }

    async dispose(): Promise<void> {
        FakeParser.disposed++;
        this.#release.splice(0).forEach((reject) => reject(new Error("parser disposed")));
    }

    static reset(): void {
        FakeParser.parsed = [];
        FakeParser.disposed = 0;
        FakeParser.hangOn = undefined;
    }
}

/** Words as tokens, hashed bags of words as vectors; `delayMs` per text makes runs long enough to cancel. */
export class FakeEmbedder implements IngestEmbedder {
    readonly maxInputTokens = 64;
    embedded = 0;
    calls = 0;

    constructor(
        readonly identity = { fileName: "fake-embed.gguf", architecture: "llama", dimension: 16, sizeBytes: 1000 },
        private readonly delayMs = 0
    ) {}

    countTokens(text: string): number {
        return text.split(/\s+/).filter(Boolean).length;
    }

    async embedMany(texts: readonly string[], onEach?: (done: number) => void): Promise<Float32Array[]> {
        this.calls++;
        const vectors: Float32Array[] = [];
        for (const text of texts) {
            if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
            vectors.push(hashedEmbedding(text, this.identity.dimension));
            this.embedded++;
            onEach?.(vectors.length);
        }
        return vectors;
    }
}

/** Writes files under `root` from a name -> content map, making folders as needed. */
export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
    for (const [name, content] of Object.entries(files)) {
        await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
        await fs.writeFile(path.join(root, name), content);
    }
}

/** A paragraph of `words` distinct-ish words, so chunk counts are predictable. */
export function paragraph(seed: string, words: number): string {
    return Array.from({ length: words }, (_, i) => `${seed}${i}`).join(" ") + ".";
}
