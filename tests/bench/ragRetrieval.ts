import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {HybridRetriever} from "../../src-main/retrieval/HybridRetriever";
import {toFtsQuery} from "../../src-main/retrieval/toFtsQuery";
import {LibraryStore} from "../../src-main/store/library/LibraryStore";
import type {NewChunk} from "../../src-main/store/library/types";
import {openDatabase} from "../../src-main/store/openDatabase";
import {ragFlatScan} from "./ragFlatScan";
import {runRagIngestBench, type IngestBenchModel, type RagIngestBenchResult} from "./ragIngest";
import {latency, mean, recall, round, type Latency} from "./ragStatistics";
import {RagSyntheticCorpus} from "./ragSyntheticCorpus";
import {loadRealCorpus, type RealCorpus} from "./ragRealCorpus";

export type RagRetrievalBenchOptions = {
    chunks: number,
    dimension: number,
    /** Timed queries per measurement (after a few untimed warm-up queries). */
    queries?: number,
    chunksPerDocument?: number,
    wordsPerChunk?: number,
    /** Candidates the 1-bit prefilter keeps for float rescoring. */
    prefilterCandidates?: number,
    /** Cosine similarity of the "near" queries to a stored vector: queries that have a true neighbour. */
    nearSimilarity?: number,
    seed?: string,
    /** Real text and its real embeddings (and real queries) instead of random vectors and made-up words. */
    real?: RealCorpus
};

export type RagRetrievalBenchResult = {
    /** "random": random unit vectors; otherwise the embedding model the real corpus was embedded with. */
    vectors: string,
    chunks: number, dimension: number, queries: number,
    /** Database file size per chunk (text, full-text index, float vectors and 1-bit codes). */
    bytesPerChunk: number,
    buildSeconds: number, databaseMegabytes: number, peakRssMegabytes: number,
    /** In-process exact search: JS dot products over a Float32Array of every vector. */
    flatScan: Latency,
    /** sqlite-vec exact KNN (k = 10); recall against the flat scan. */
    vectorExact: Latency & {recallAt10: number},
    /** 1-bit prefilter + float rescoring; recall for random queries and for queries near a stored vector. */
    vectorPrefiltered: Latency & {candidates: number, recallAt10Random: number, recallAt10Near: number, recallAt10NearExact: number},
    keyword: Latency,
    /** HybridRetriever.retrieve: BM25 + exact KNN (50 each), fusion, rows fetched; the query vector is precomputed. */
    hybrid: Latency,
    hybridPrefiltered: Latency,
    ratios: {hybridP50OverFlatScanP50: number, hybridPrefilteredP50OverFlatScanP50: number, goalMaxRatio: 3, goalMinRecall: 0.95}
};

/** Builds a synthetic library of `chunks` chunks through LibraryStore, then times each retrieval path. */
export async function runRagRetrievalBench(options: RagRetrievalBenchOptions): Promise<RagRetrievalBenchResult> {
    const {queries = 40, chunksPerDocument = 1000, wordsPerChunk = 60, prefilterCandidates = 400, nearSimilarity = 0.8, real} = options;
    const chunks = real ? real.texts.length : options.chunks;
    const dimension = real ? real.dimension : options.dimension;
    const corpus = new RagSyntheticCorpus(options.seed ?? `rag:${chunks}:${dimension}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-rag-bench-"));
    const file = path.join(dir, "library.sqlite");
    const db = openDatabase(file);
    let peakRss = process.memoryUsage().rss;
    const sampleRss = (): void => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
    try {
        const store = new LibraryStore(db);
        store.setEmbeddingModel({id: `random-unit-${dimension}`, dimension});

        // The flat scan needs every vector in memory anyway; they are generated once, in place.
        const started = performance.now();
        const vectors = new Float32Array(chunks * dimension);
        if (real) {
            vectors.set(real.vectors.subarray(0, chunks * dimension));
            for (let row = 0; row < chunks; row++) normalize(vectors.subarray(row * dimension, (row + 1) * dimension));
        } else corpus.unitVectors(vectors, dimension);
        const warmups = 3;
        const sampled = new Map<number, string>();
        if (real) for (let q = 0; q < Math.min(real.queryTexts.length, queries + warmups); q++) sampled.set(q, real.queryTexts[q]!);
        else while (sampled.size < Math.min(chunks, queries + warmups)) sampled.set(Math.floor(Math.random() * chunks), "");
        for (let first = 0, document = 0; first < chunks; first += chunksPerDocument, document++) {
            const count = Math.min(chunksPerDocument, chunks - first);
            const {id} = store.queueDocument({sourcePath: `/bench/doc-${document}.txt`, displayName: `doc-${document}.txt`, sizeBytes: 0, mtimeMs: 0});
            const batch: NewChunk[] = [];
            let offset = 0;
            for (let i = 0; i < count; i++) {
                const text = real ? real.texts[first + i]! : corpus.text(wordsPerChunk);
                if (!real && sampled.has(first + i)) sampled.set(first + i, text);
                batch.push({text, sectionIndex: 0, headingPath: [], charStart: offset, charEnd: offset + text.length, tokenCount: wordsPerChunk});
                offset += text.length + 1;
            }
            const rows = Array.from({length: count}, (_, i) => vectors.subarray((first + i) * dimension, (first + i + 1) * dimension));
            store.replaceDocumentChunks(id, batch, rows);
            sampleRss();
        }
        db.pragma("wal_checkpoint(TRUNCATE)");
        const buildSeconds = (performance.now() - started) / 1000;
        // Chunk ids are 1, 2, ... in insertion order in a fresh library: row i of `vectors` is chunk i + 1.
        if (store.countChunks() !== chunks) throw new Error("the benchmark library lost chunks");

        const exactRetriever = new HybridRetriever(store, {embedQuery: async () => currentQuery});
        const prefilterRetriever = new HybridRetriever(store, {
            embedQuery: async () => currentQuery, prefilter: {minChunks: 0, candidates: prefilterCandidates}
        });
        const currentQuery = new Float32Array(dimension);
        const times = {flat: [] as number[], exact: [] as number[], prefiltered: [] as number[], keyword: [] as number[], hybrid: [] as number[], hybridPrefiltered: [] as number[]};
        const recalls = {exact: [] as number[], random: [] as number[], near: [] as number[], nearExact: [] as number[]};
        const toIds = (rows: number[]): number[] => rows.map((row) => row + 1);

        let index = 0;
        for (const [row, text] of sampled) {
            const timed = index++ >= warmups;
            const record = (list: number[], ms: number): void => { if (timed) list.push(ms); };
            if (real) {
                currentQuery.set(real.queryVectors.subarray(row * dimension, (row + 1) * dimension));
                normalize(currentQuery);
            } else corpus.unitVectors(currentQuery, dimension);
            const query = currentQuery;

            let t = performance.now();
            const truth = toIds(ragFlatScan(vectors, dimension, query, 10));
            record(times.flat, performance.now() - t);

            t = performance.now();
            const exact = store.vectorSearch(query, 10).map((hit) => hit.chunkId);
            record(times.exact, performance.now() - t);
            t = performance.now();
            const prefiltered = store.vectorSearch(query, 10, {prefilterCandidates}).map((hit) => hit.chunkId);
            record(times.prefiltered, performance.now() - t);

            // Real queries already have true neighbours; random ones get a query near a stored vector too.
            const near = real ? query : corpus.near(vectors.subarray(row * dimension, (row + 1) * dimension), nearSimilarity);
            const nearTruth = toIds(ragFlatScan(vectors, dimension, near, 10));
            const nearPrefiltered = store.vectorSearch(near, 10, {prefilterCandidates}).map((hit) => hit.chunkId);
            const nearExact = store.vectorSearch(near, 10).map((hit) => hit.chunkId);

            t = performance.now();
            const question = real ? text : corpus.queryFrom(text);
            store.keywordSearch(toFtsQuery(question) ?? "\"x\"", 50);
            record(times.keyword, performance.now() - t);

            t = performance.now();
            await exactRetriever.retrieve(question, {limit: 10});
            record(times.hybrid, performance.now() - t);
            t = performance.now();
            await prefilterRetriever.retrieve(question, {limit: 10});
            record(times.hybridPrefiltered, performance.now() - t);

            if (timed) {
                recalls.exact.push(recall(truth, exact));
                recalls.random.push(recall(truth, prefiltered));
                recalls.near.push(recall(nearTruth, nearPrefiltered));
                recalls.nearExact.push(recall(nearTruth, nearExact));
            }
            sampleRss();
        }

        const flatScan = latency(times.flat);
        const hybrid = latency(times.hybrid);
        const hybridPrefiltered = latency(times.hybridPrefiltered);
        return {
            vectors: real ? real.model : "random", chunks, dimension, queries: times.flat.length, buildSeconds: round(buildSeconds),
            bytesPerChunk: Math.round(fs.statSync(file).size / chunks),
            databaseMegabytes: round(fs.statSync(file).size / 2 ** 20), peakRssMegabytes: round(peakRss / 2 ** 20),
            flatScan,
            vectorExact: {...latency(times.exact), recallAt10: mean(recalls.exact)},
            vectorPrefiltered: {
                ...latency(times.prefiltered), candidates: prefilterCandidates, recallAt10Random: mean(recalls.random),
                recallAt10Near: mean(recalls.near), recallAt10NearExact: mean(recalls.nearExact)
            },
            keyword: latency(times.keyword),
            hybrid, hybridPrefiltered,
            ratios: {
                hybridP50OverFlatScanP50: round(hybrid.p50Ms / flatScan.p50Ms),
                hybridPrefilteredP50OverFlatScanP50: round(hybridPrefiltered.p50Ms / flatScan.p50Ms),
                goalMaxRatio: 3, goalMinRecall: 0.95
            }
        };
    } finally {
        db.close();
        fs.rmSync(dir, {recursive: true, force: true});
    }
}

/**
 * `npx tsx --tsconfig tsconfig.node.json tests/bench/ragRetrieval.ts [--ingest-models bge-small-embed,tiny-embed]
 * [--threads 2] [--rounds 3] [--corpus pdfs,pagesPerPdf,markdownFiles,textFiles (4,25,30,30)] [--skip-ingest] [--chunks 10000,100000] [--dims 384,768] [--queries 40] [--prefilter 400]
 * [--skip-retrieval] [--real [--real-chunks 100000]]`: ingestion throughput, then retrieval latency; prints JSON. `--real`
 * measures retrieval on real prose embedded with the starter model (cached in .cache/bench-embeddings after the first run)
 * instead of random vectors; `--prefilter 200,400,1000` compares candidate counts.
 */
async function main(): Promise<void> {
    const argument = (name: string, fallback: string): string => {
        const at = process.argv.indexOf(`--${name}`);
        return at >= 0 ? process.argv[at + 1] ?? fallback : fallback;
    };
    const list = (text: string): number[] => text.split(",").map(Number);
    const ingestion: RagIngestBenchResult[] = [];
    if (!process.argv.includes("--skip-ingest"))
        for (const model of argument("ingest-models", "bge-small-embed").split(",")) {
            const threads = Number(argument("threads", String(Math.min(2, os.availableParallelism()))));
            const [pdfs, pagesPerPdf, markdownFiles, textFiles] = list(argument("corpus", "4,25,30,30"));
            const corpus = {pdfs: pdfs!, pagesPerPdf: pagesPerPdf!, markdownFiles: markdownFiles!, textFiles: textFiles!, wordsPerPage: 300,
                copies: Number(argument("copies", "0"))};
            const result = await runRagIngestBench({ model: model as IngestBenchModel, threads, rounds: Number(argument("rounds", "3")), corpus });
            console.error(`ingestion with ${model}: ${result.pipeline.pagesPerSecond} pages/s, ${result.pipeline.chunksPerSecond} chunks/s, ` +
                `raw embedding ${result.rawEmbedding.chunksPerSecond} chunks/s, ratio ${result.ratios.pipelineChunksPerSecondOverRaw}`);
            ingestion.push(result);
        }
    const results: RagRetrievalBenchResult[] = [];
    let realEmbedding: {model: string, chunksAvailable: number, embeddingSeconds: number} | undefined;
    if (process.argv.includes("--real")) {
        const threads = Number(argument("threads", String(Math.min(2, os.availableParallelism()))));
        for (const wanted of list(argument("real-chunks", "100000"))) {
            const real = await loadRealCorpus({chunks: wanted, queries: Number(argument("queries", "40")) + 3, threads});
            realEmbedding = {model: real.model, chunksAvailable: real.texts.length, embeddingSeconds: real.embeddingSeconds};
            if (real.texts.length < wanted) console.error(`only ${real.texts.length} distinct chunks of prose on this machine (asked for ${wanted})`);
            for (const candidates of list(argument("prefilter", "400"))) {
                const result = await runRagRetrievalBench({chunks: 0, dimension: 0, real, queries: Number(argument("queries", "40")), prefilterCandidates: candidates});
                console.error(`${result.chunks} real x ${result.dimension}: hybrid p50 ${result.hybrid.p50Ms} ms, flat ${result.flatScan.p50Ms} ms, ` +
                    `prefilter(${candidates}) recall ${result.vectorPrefiltered.recallAt10Near}, exact recall ${result.vectorExact.recallAt10}`);
                results.push(result);
            }
        }
    }
    if (!process.argv.includes("--skip-retrieval") && !process.argv.includes("--real")) for (const chunks of list(argument("chunks", "10000,100000")))
        for (const dimension of list(argument("dims", "384,768"))) {
            const result = await runRagRetrievalBench({
                chunks, dimension, queries: Number(argument("queries", "40")), prefilterCandidates: Number(argument("prefilter", "400"))
            });
            console.error(`${chunks} x ${dimension}: hybrid p50 ${result.hybrid.p50Ms} ms, flat scan p50 ${result.flatScan.p50Ms} ms, ` +
                `ratio ${result.ratios.hybridP50OverFlatScanP50}, exact recall ${result.vectorExact.recallAt10}`);
            results.push(result);
        }
    console.log(JSON.stringify({cpuCores: os.availableParallelism(), node: process.version, ingestion, realEmbedding, results}, null, 2));
}

if (process.argv[1] != null && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

function normalize(vector: Float32Array): void {
    let squares = 0;
    for (let i = 0; i < vector.length; i++) squares += vector[i]! * vector[i]!;
    const scale = 1 / Math.sqrt(squares || 1);
    for (let i = 0; i < vector.length; i++) vector[i]! *= scale;
}
