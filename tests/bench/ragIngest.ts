import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";
import { Embedder } from "../../src-main/engine/Embedder.js";
import { embeddingInput } from "../../src-main/ingest/chunk/embeddingInput.js";
import { IngestService } from "../../src-main/ingest/IngestService.js";
import type { IngestEmbedder } from "../../src-main/ingest/types.js";
import { LibraryStore } from "../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../src-main/store/openDatabase.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { findStarterModels } from "../../src-main/models/starter/findStarterModels.js";
import type { SyntheticModelName } from "../support/gguf/syntheticModels.js";
import { defaultIngestCorpus, writeIngestCorpus, type IngestCorpusShape } from "./ragIngestCorpus.js";
import { round } from "./ragStatistics.js";

/** A synthetic model, or "starter-minilm": the real starter embedding model (all-MiniLM-L6-v2). */
export type IngestBenchModel = SyntheticModelName | "starter-minilm";

export type RagIngestBenchOptions = { model: IngestBenchModel; threads: number; rounds?: number; corpus?: IngestCorpusShape };

type Round = {
    pipelineSeconds: number; rawSeconds: number; ratio: number;
    /** Inside the pipeline: until its first embedding call (hashing, starting the parser, the first parse), and in embedding calls. */
    untilFirstEmbeddingSeconds: number; embeddingSeconds: number;
};

export type RagIngestBenchResult = {
    model: IngestBenchModel; threads: number; embeddingContexts: number; dimension: number; files: number; pages: number; chunks: number; tokens: number;
    rounds: Round[];
    /** Fastest round: the whole ingest pipeline (hash, parse in the worker process, chunk, embed, one transaction per document). */
    pipeline: { seconds: number; pagesPerSecond: number; chunksPerSecond: number };
    /** Fastest round: Embedder.embedMany over the same chunk texts (the same inputs the pipeline embedded), same model and threads. */
    rawEmbedding: { seconds: number; chunksPerSecond: number };
    /**
     * Fastest against fastest (other load on the machine only ever adds time), and the median of the
     * ratios of each round's pair, which were measured back to back.
     */
    ratios: { pipelineChunksPerSecondOverRaw: number; medianOfRoundRatios: number; goalMin: 0.9 };
    /** Identical embedding inputs embedded once: chunks indexed, inputs the model actually embedded, and the share saved. */
    reuse: { chunks: number; embedded: number; savedShare: number };
    corpus: IngestCorpusShape;
};

/**
 * Ingestion throughput against the raw embedding rate, in one process with one loaded Embedder: each
 * round indexes the corpus into a fresh library through IngestService (the app's pipeline, with the real
 * parser worker process), then embeds the very same chunk inputs with `embedMany` directly. Rounds
 * alternate the two, so drift in machine load hits both; the fastest of each are compared.
 */
export async function runRagIngestBench(options: RagIngestBenchOptions): Promise<RagIngestBenchResult> {
    const { model, threads, rounds = 3, corpus = defaultIngestCorpus } = options;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-ingest-bench-"));
    const llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
    llama.maxThreads = threads;
    const embedder = await Embedder.load(llama, await benchModelPath(model), { threads });
    try {
        const written = await writeIngestCorpus(path.join(dir, "docs"), corpus);
        const measured: Round[] = [];
        let inputs: string[] = [];
        let pages = 0;
        let tokens = 0;
        let embeddedTexts = 0;
        for (let round = 0; round < rounds; round++) {
            const db = openDatabase(path.join(dir, `library-${round}.sqlite`));
            try {
                const store = new LibraryStore(db);
                const timing = { first: 0, busy: 0, texts: 0 };
                // The same embedder, timed: where the pipeline's time goes besides embedding.
                const timed: IngestEmbedder = {
                    identity: embedder.identity, maxInputTokens: embedder.maxInputTokens, countTokens: (text) => embedder.countTokens(text),
                    embedMany: async (texts, onEach) => {
                        const callStarted = performance.now();
                        if (timing.first === 0) timing.first = callStarted - started;
                        timing.texts += texts.length;
                        try {
                            return await embedder.embedMany(texts, onEach);
                        } finally {
                            timing.busy += performance.now() - callStarted;
                        }
                    }
                };
                const ingest = new IngestService({ store, threads, embedder: async () => timed });
                const started = performance.now();
                await ingest.add([path.join(dir, "docs")]);
                await ingest.idle();
                const pipelineSeconds = (performance.now() - started) / 1000;
                await ingest.dispose();
                const documents = store.listDocuments();
                const failed = documents.filter((document) => document.status !== "indexed");
                if (documents.length !== written.files || failed.length > 0)
                    throw new Error(`ingestion did not index every file: ${failed.map((d) => `${d.displayName}: ${d.statusReason}`).join("; ")}`);
                inputs = documents.flatMap((document) => store.documentChunks(document.id).map((chunk) => embeddingInput(chunk, document.title ?? undefined)));
                pages = documents.reduce((sum, document) => sum + (document.pageCount ?? 1), 0);
                tokens = store.countTokens();

                const rawStarted = performance.now();
                await embedder.embedMany(inputs);
                const rawSeconds = (performance.now() - rawStarted) / 1000;
                measured.push({ pipelineSeconds: round3(pipelineSeconds), rawSeconds: round3(rawSeconds), ratio: round3(rawSeconds / pipelineSeconds),
                    untilFirstEmbeddingSeconds: round3(timing.first / 1000), embeddingSeconds: round3(timing.busy / 1000) });
                embeddedTexts = timing.texts;
                console.error(`round ${round + 1}: ${JSON.stringify(measured.at(-1))}, ${inputs.length} chunks, ${timing.texts} embedded`);
            } finally {
                db.close();
            }
        }
        const pipelineSeconds = Math.min(...measured.map((r) => r.pipelineSeconds));
        const rawSeconds = Math.min(...measured.map((r) => r.rawSeconds));
        return {
            model, threads, embeddingContexts: Math.max(1, Math.min(Math.floor(threads / 2), threads)), dimension: embedder.identity.dimension,
            files: written.files, pages, chunks: inputs.length, tokens, rounds: measured,
            pipeline: { seconds: pipelineSeconds, pagesPerSecond: round(pages / pipelineSeconds), chunksPerSecond: round(inputs.length / pipelineSeconds) },
            rawEmbedding: { seconds: rawSeconds, chunksPerSecond: round(inputs.length / rawSeconds) },
            ratios: { pipelineChunksPerSecondOverRaw: round(rawSeconds / pipelineSeconds), medianOfRoundRatios: median(measured.map((r) => r.ratio)), goalMin: 0.9 },
            reuse: { chunks: inputs.length, embedded: embeddedTexts, savedShare: round(1 - embeddedTexts / Math.max(1, inputs.length)) },
            corpus
        };
    } finally {
        await embedder.dispose();
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

async function benchModelPath(model: IngestBenchModel): Promise<string> {
    if (model !== "starter-minilm") return ensureSyntheticModel(model);
    const found = findStarterModels().find((entry) => entry.model.role === "embedding")?.path;
    if (found === undefined) throw new Error("The starter embedding model is missing: run `npm run setup` (it fetches all-MiniLM-L6-v2).");
    return found;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

function round3(value: number): number {
    return Math.round(value * 1000) / 1000;
}
