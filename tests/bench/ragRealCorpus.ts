import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";
import { Embedder } from "../../src-main/engine/Embedder.js";
import { findStarterModels } from "../../src-main/models/starter/findStarterModels.js";
import { SeededRandom } from "../support/gguf/SeededRandom.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const cacheDir = path.join(repoRoot, ".cache", "bench-embeddings");
const wordsPerChunk = 60;
/** Vectors are written to the cache every this many, so an interrupted first run keeps its work. */
const flushEvery = 512;

/** Chunks of real English prose with their real embeddings, and real queries with theirs. */
export type RealCorpus = {
    model: string; dimension: number; texts: string[]; vectors: Float32Array;
    queryTexts: string[]; queryVectors: Float32Array;
    /** Seconds spent embedding in this run (0 when every vector came from the cache). */
    embeddingSeconds: number;
};

/**
 * Real text from the documentation on this machine (the Markdown files of the installed npm packages,
 * read in sorted order), cut into 60-word chunks with exact duplicates dropped, and queries of 8 words
 * from sampled chunks, as a person recalls a phrase. Everything is embedded with the starter embedding
 * model (all-MiniLM-L6-v2) and cached in .cache/bench-embeddings/ under a hash of the texts, so only the
 * first run pays for embedding; a run cut short resumes from the vectors cached so far.
 */
export async function loadRealCorpus(options: { chunks: number; queries: number; threads: number }): Promise<RealCorpus> {
    const modelPath = findStarterModels().find((entry) => entry.model.role === "embedding")?.path;
    if (modelPath === undefined) throw new Error("The starter embedding model is missing: run `npm run setup` (it fetches all-MiniLM-L6-v2).");
    const texts = proseChunks(options.chunks);
    const random = new SeededRandom(`real-queries:${texts.length}`);
    const queryTexts = Array.from({ length: options.queries }, () => {
        const words = texts[random.nextUint32() % texts.length]!.split(" ");
        const start = random.nextUint32() % Math.max(1, words.length - 8);
        return words.slice(start, start + 8).join(" ");
    });
    const llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
    llama.maxThreads = options.threads;
    const embedder = await Embedder.load(llama, modelPath, { threads: options.threads });
    try {
        const started = performance.now();
        const model = path.basename(modelPath);
        const vectors = await cachedEmbeddings(embedder, model, texts.map((text) => fitted(embedder, text)));
        const queryVectors = await cachedEmbeddings(embedder, model, queryTexts);
        return {
            model, dimension: embedder.identity.dimension, texts, vectors, queryTexts, queryVectors,
            embeddingSeconds: Math.round(performance.now() - started) / 1000
        };
    } finally {
        await embedder.dispose();
    }
}

/** The corpus is only as large as the prose on this machine: fewer chunks than asked for are reported by the caller. */
function proseChunks(limit: number): string[] {
    const files = markdownFiles(path.join(repoRoot, "node_modules")).sort();
    const seen = new Set<string>();
    const chunks: string[] = [];
    for (const file of files) {
        const words = fs.readFileSync(file, "utf8")
            .replace(/```[\s\S]*?```/g, " ").replace(/<[^>]+>/g, " ").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
            .split(/\s+/).filter((word) => word !== "" && word.length < 40 && !/^[#|*\->`=_]+$/.test(word));
        for (let start = 0; start + wordsPerChunk <= words.length; start += wordsPerChunk) {
            const text = words.slice(start, start + wordsPerChunk).join(" ");
            if (seen.has(text)) continue;
            seen.add(text);
            chunks.push(text);
            if (chunks.length >= limit) return chunks;
        }
    }
    return chunks;
}

function markdownFiles(dir: string): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && !entry.isSymbolicLink()) found.push(...markdownFiles(full));
        else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name) && fs.statSync(full).size > 1024) found.push(full);
    }
    return found;
}

/** Cut to the model's input length (the chunker does the same in the app), so no text is refused. */
function fitted(embedder: Embedder, text: string): string {
    let words = text.split(" ");
    while (words.length > 8 && embedder.countTokens(words.join(" ")) > embedder.maxInputTokens - 8) words = words.slice(0, Math.floor(words.length * 0.8));
    return words.join(" ");
}

async function cachedEmbeddings(embedder: Embedder, model: string, texts: string[]): Promise<Float32Array> {
    const dimension = embedder.identity.dimension;
    const key = createHash("sha256").update(model).update("\0").update(texts.join("\0")).digest("hex").slice(0, 24);
    const file = path.join(cacheDir, `${model}-${key}.f32`);
    fs.mkdirSync(cacheDir, { recursive: true });
    const out = new Float32Array(texts.length * dimension);
    let done = 0;
    if (fs.existsSync(file)) {
        const bytes = fs.readFileSync(file);
        done = Math.min(texts.length, Math.floor(bytes.length / (4 * dimension)));
        out.set(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + done * dimension * 4)));
    }
    if (done < texts.length) console.error(`embedding ${texts.length - done} texts with ${model} (cached: ${done})…`);
    while (done < texts.length) {
        const batch = texts.slice(done, done + flushEvery);
        const vectors = await embedder.embedMany(batch);
        const bytes = new Float32Array(batch.length * dimension);
        vectors.forEach((vector, i) => bytes.set(Array.from(vector), i * dimension));
        out.set(bytes, done * dimension);
        fs.appendFileSync(file, Buffer.from(bytes.buffer));
        done += batch.length;
        console.error(`  ${done}/${texts.length}`);
    }
    return out;
}
