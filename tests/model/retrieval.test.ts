import { getLlama, LlamaLogLevel, type Llama, type LlamaEmbeddingContext, type LlamaModel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkDocument } from "../../src-main/ingest/chunk/chunkDocument.js";
import { embeddingInput } from "../../src-main/ingest/chunk/embeddingInput.js";
import type { ChunkableDocument } from "../../src-main/ingest/chunk/types.js";
import { HybridRetriever } from "../../src-main/retrieval/HybridRetriever.js";
import { openDatabase } from "../../src-main/store/openDatabase.js";
import { LibraryStore } from "../../src-main/store/library/LibraryStore.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

// The synthetic model has the real Llama 3 tokenizer and random weights: token counts are real,
// embeddings are noise of the right shape, so these tests check the paths, not answer quality.
let llama: Llama;
let model: LlamaModel;
let context: LlamaEmbeddingContext;
const countTokens = (text: string): number => model.tokenize(text).length;

const handbook: ChunkableDocument = {
    title: "Employee handbook",
    sections: [
        { text: "Welcome to the company. This handbook explains how we work.", page: 1, headingPath: ["Introduction"] },
        {
            text: Array.from({ length: 40 }, (_, i) =>
                `Rule ${i + 1}: expense claims over ${100 + i * 10} euros need a receipt and the manager's approval.`).join(" ") +
                "\n\nClaims are reimbursed within fourteen days.",
            page: 2, headingPath: ["Money", "Expenses"]
        },
        { text: "Holiday requests go through the HR portal at least two weeks ahead. Über-urgent leave: call HR.", page: 3, headingPath: ["Time off"] }
    ]
};

beforeAll(async () => {
    const modelPath = await ensureSyntheticModel("tiny-q8_0");
    llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
    model = await llama.loadModel({ modelPath });
    context = await model.createEmbeddingContext({ contextSize: 512, threads: 2 });
});
afterAll(async () => {
    await context?.dispose();
    await model?.dispose();
    await llama?.dispose();
});

describe("retrieval with a real tokenizer and embedding context", () => {
    it("sizes chunks in the model's own tokens, header included, with exact offsets", () => {
        const chunks = chunkDocument(handbook, { countTokens, targetTokens: 128, overlapTokens: 16 });
        expect(chunks.length).toBeGreaterThan(3);
        for (const chunk of chunks) {
            expect(chunk.text).toBe(handbook.sections[chunk.sectionIndex]!.text.slice(chunk.charStart, chunk.charEnd));
            expect(chunk.tokenCount).toBe(countTokens(chunk.text));
            expect(countTokens(embeddingInput(chunk, handbook.title))).toBeLessThanOrEqual(128);
        }
        expect(new Set(chunks.map((chunk) => chunk.page))).toEqual(new Set([1, 2, 3]));
    });

    it("indexes embedded chunks and finds them by keywords and by vector, with citations", async () => {
        const db = openDatabase(":memory:");
        try {
            const store = new LibraryStore(db);
            const chunks = chunkDocument(handbook, { countTokens, targetTokens: 128, overlapTokens: 16 });
            const inputs = chunks.map((chunk) => embeddingInput(chunk, handbook.title));
            const vectors: Array<readonly number[]> = [];
            for (const input of inputs) vectors.push((await context.getEmbeddingFor(input)).vector);
            expect(vectors[0]!.length).toBe(model.embeddingVectorSize);
            expect(vectors.every((vector) => vector.every(Number.isFinite))).toBe(true);

            store.setEmbeddingModel({ id: "tiny-q8_0", dimension: vectors[0]!.length });
            const { id } = store.queueDocument({ sourcePath: "/docs/handbook.pdf", displayName: "handbook.pdf", sizeBytes: 1, mtimeMs: 1 });
            expect(store.replaceDocumentChunks(id, chunks, vectors, { pageCount: 3, title: handbook.title }).status).toBe("indexed");

            const embedQuery = async (query: string) => (await context.getEmbeddingFor(query)).vector;
            const retriever = new HybridRetriever(store, { embedQuery });
            const [top] = await retriever.retrieve("uber urgent leave", { limit: 3 });
            expect(top).toMatchObject({ documentName: "handbook.pdf", page: 3, headingPath: ["Time off"] });
            expect(top!.scores.keywordRank).toBe(1);

            // The same input embeds to the same vector, so the vector path must rank its chunk first.
            const target = 2;
            const hits = store.vectorSearch(await embedQuery(inputs[target]!), 1);
            expect(hits[0]!.chunkId).toBe(store.documentChunks(id)[target]!.id);
            expect(hits[0]!.similarity).toBeCloseTo(1, 3);
        } finally {
            db.close();
        }
    });
});
