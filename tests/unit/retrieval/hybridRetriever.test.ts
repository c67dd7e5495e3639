import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chunkDocument } from "../../../src-main/ingest/chunk/chunkDocument.js";
import { embeddingInput } from "../../../src-main/ingest/chunk/embeddingInput.js";
import type { ChunkableDocument } from "../../../src-main/ingest/chunk/types.js";
import { HybridRetriever } from "../../../src-main/retrieval/HybridRetriever.js";
import { RerankerOutputError } from "../../../src-main/retrieval/RerankerOutputError.js";
import type { LibraryStore } from "../../../src-main/store/library/LibraryStore.js";
import { hashedEmbedding } from "./support/hashedEmbedding.js";
import { openLibrary, removeTempDatabases } from "./support/libraryFixture.js";

// Words the fake embedder treats as the same meaning, so the vector path can find what keywords cannot.
const concepts = { automobile: "car", vehicle: "car", lubricant: "oil", loaf: "bread", oven: "bake", refund: "refunded" };
const embed = (text: string): Float32Array => hashedEmbedding(text, 64, concepts);
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

const corpus: Record<string, ChunkableDocument> = {
    "returns.md": { title: "Shop policy", sections: [
        { text: "Items can be returned within 30 days of delivery.\n\nDamaged goods are refunded in full.", headingPath: ["Returns"] }
    ] },
    "manual.pdf": { sections: [
        { text: "Welcome to your new car. Read this manual first.", page: 1, headingPath: [] },
        { text: "Change the car oil every 10000 kilometres.\nCheck the tyre pressure monthly.", page: 4, headingPath: ["Maintenance"] }
    ] },
    "recipes.txt": { sections: [{ text: "Bake the bread at 220 degrees for 35 minutes. Let it cool.", headingPath: [] }] },
    "travel.html": { sections: [{ text: "The Tokyo office is near Shinjuku station; the train takes 20 minutes.", headingPath: ["Offices"] }] },
    "cv.docx": { title: "Résumé", sections: [{ text: "Marie Curie's résumé lists physics and chemistry.", headingPath: [] }] }
};

let store: LibraryStore;
beforeEach(() => {
    store = openLibrary().store;
    store.setEmbeddingModel({ id: "hashed-bag-of-words", dimension: 64 });
    for (const [name, document] of Object.entries(corpus)) {
        const { id } = store.queueDocument({ sourcePath: `/library/${name}`, displayName: name, sizeBytes: 1, mtimeMs: 1 });
        const chunks = chunkDocument(document, { countTokens: words, targetTokens: 12, overlapTokens: 0 });
        store.replaceDocumentChunks(id, chunks, chunks.map((chunk) => embed(embeddingInput(chunk, document.title))), { title: document.title ?? null });
    }
});
afterEach(removeTempDatabases);

const retriever = (options: ConstructorParameters<typeof HybridRetriever>[1] = {}) =>
    new HybridRetriever(store, { embedQuery: async (query) => embed(query), ...options });

describe("HybridRetriever", () => {
    it("finds a keyword answer with its document, page, headings and exact offsets", async () => {
        const [top] = await retriever().retrieve("tyre pressure");
        expect(top).toMatchObject({ documentName: "manual.pdf", page: 4, headingPath: ["Maintenance"] });
        expect(top!.text).toContain("tyre pressure");
        const section = corpus["manual.pdf"]!.sections[top!.sectionIndex]!;
        expect(section.text.slice(top!.charStart, top!.charEnd)).toBe(top!.text);
        expect(top!.scores).toMatchObject({ keywordRank: 1, vectorRank: 1 });
    });

    it("finds a passage that shares no word with the question through the vector path", async () => {
        const results = await retriever().retrieve("automobile lubricant");
        expect(results[0]).toMatchObject({ documentName: "manual.pdf", page: 4 });
        expect(results[0]!.scores.keywordRank).toBeUndefined();
        expect(results[0]!.scores.vectorRank).toBe(1);
        expect(results[0]!.scores.similarity).toBeGreaterThan(0.3);
    });

    it("matches across accents and letter case", async () => {
        const [top] = await retriever({ embedQuery: undefined }).retrieve("RESUME curie");
        expect(top!.documentName).toBe("cv.docx");
    });

    it("ranks a passage found by both paths above ones found by one, ordered by fused score", async () => {
        const results = await retriever().retrieve("bake bread oven");
        expect(results[0]!.documentName).toBe("recipes.txt");
        expect(results[0]!.scores.keywordRank).toBeDefined();
        expect(results[0]!.scores.vectorRank).toBeDefined();
        const fused = results.map((result) => result.scores.fused);
        expect(fused).toEqual([...fused].sort((a, b) => b - a));
    });

    it("searches by keywords alone when there is no query embedder", async () => {
        const results = await new HybridRetriever(store).retrieve("Shinjuku");
        expect(results.map((result) => result.documentName)).toEqual(["travel.html"]);
        expect(results[0]!.scores.vectorRank).toBeUndefined();
    });

    it("returns at most `limit` passages", async () => {
        expect(await retriever().retrieve("the car office bread items", { limit: 2 })).toHaveLength(2);
        expect(await retriever().retrieve("car", { limit: 0 })).toEqual([]);
    });

    it.each(["", "   ", "?!?", "\"", "*", "()", "-- ;"])("returns nothing, without throwing, for a query with nothing to search: %j", async (query) => {
        let embedded = false;
        const results = await retriever({ embedQuery: async (text) => { embedded = true; return embed(text); } }).retrieve(query);
        expect(results).toEqual([]);
        expect(embedded).toBe(false);
    });

    it.each([
        "\"unbalanced", "NEAR(car oil", "car OR", "-oil", "oil*", "text:oil", "'; DROP TABLE chunks; --", "{text}: oil", "car AND NOT oil"
    ])("treats hostile query %j as plain words", async (query) => {
        const results = await retriever().retrieve(query);
        expect(results.length).toBeGreaterThan(0);
        expect(store.countChunks()).toBeGreaterThan(0);
    });

    it("lets a reranker reorder the best fused passages, and records its scores", async () => {
        const seen: string[][] = [];
        const rerank = async (_query: string, passages: readonly string[]) => {
            seen.push([...passages]);
            return passages.map((passage) => (passage.includes("Tokyo") ? 10 : 0));
        };
        const results = await retriever({ rerank }).retrieve("car oil Tokyo", { limit: 3, rerankCandidates: 5 });
        expect(results[0]!.documentName).toBe("travel.html");
        expect(results[0]!.scores.rerank).toBe(10);
        expect(results).toHaveLength(3);
        expect(seen[0]!.length).toBeLessThanOrEqual(5);
        expect(seen[0]!.length).toBeGreaterThanOrEqual(3);
    });

    it("refuses reranker output that does not give one finite score per passage", async () => {
        await expect(retriever({ rerank: async () => [1] }).retrieve("car oil Tokyo bread")).rejects.toThrow(RerankerOutputError);
        await expect(retriever({ rerank: async (_q, passages) => passages.map(() => Number.NaN) }).retrieve("car")).rejects.toThrow(RerankerOutputError);
    });

    it("uses the 1-bit prefilter once the library is large enough, with the same best answer here", async () => {
        const exact = await retriever().retrieve("automobile lubricant", { limit: 3 });
        const prefiltered = await retriever({ prefilter: { minChunks: 1, candidates: 50 } }).retrieve("automobile lubricant", { limit: 3 });
        // Compared where the vectors say something: orthogonal chunks tie at similarity 0 in any order.
        const relevant = (results: typeof exact) => results.filter((result) => (result.scores.similarity ?? 0) > 0.1).map((result) => result.id);
        expect(relevant(prefiltered)).toEqual(relevant(exact));
        expect(relevant(exact).length).toBeGreaterThan(0);
    });

    it("stops when the caller aborts", async () => {
        const controller = new AbortController();
        const embedQuery = async (query: string) => { controller.abort(); return embed(query); };
        await expect(retriever({ embedQuery }).retrieve("car", { signal: controller.signal })).rejects.toThrow(/abort/i);
    });

    it("no longer returns a deleted document", async () => {
        const manual = store.getDocumentByPath("/library/manual.pdf")!;
        store.deleteDocument(manual.id);
        const results = await retriever().retrieve("car oil tyre automobile");
        expect(results.map((result) => result.documentName)).not.toContain("manual.pdf");
    });
});

describe("HybridRetriever limited to some documents", () => {
    const idOf = (name: string) => store.listDocuments().find((document) => document.displayName === name)!.id;

    it("searches only the chosen documents by keywords and by meaning, filling the limit from them", async () => {
        const manual = idOf("manual.pdf");
        const results = await retriever().retrieve("bake bread car oil", { limit: 5, documentIds: [manual] });
        expect(results.length).toBeGreaterThan(1);
        expect(new Set(results.map((result) => result.documentName))).toEqual(new Set(["manual.pdf"]));
        // The passage that shares no word with the question is still found inside the scope, by meaning.
        const byMeaning = await retriever().retrieve("automobile lubricant", { documentIds: [manual] });
        expect(byMeaning[0]).toMatchObject({ documentName: "manual.pdf", page: 4 });
    });

    it("finds nothing outside the chosen documents, and nothing at all for an empty choice", async () => {
        expect(await retriever().retrieve("bake the bread", { documentIds: [idOf("travel.html")] }))
            .not.toContainEqual(expect.objectContaining({ documentName: "recipes.txt" }));
        expect(await retriever().retrieve("bake the bread", { documentIds: [] })).toEqual([]);
        expect(store.keywordSearch("\"bread\"", 5, { documentIds: [idOf("recipes.txt")] })).toHaveLength(1);
        expect(store.keywordSearch("\"bread\"", 5, { documentIds: [idOf("cv.docx")] })).toEqual([]);
    });
});
