import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Events } from "../../src-main/common/contract/events.js";
import type { ModelInfo } from "../../src-main/common/contract/types.js";
import { RankingModel } from "../../src-main/engine/RankingModel.js";
import { HybridRetriever } from "../../src-main/retrieval/HybridRetriever.js";
import { createCliServices } from "../../src-main/hosts/cli/createCliServices.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import { LibraryStore } from "../../src-main/store/library/LibraryStore.js";
import { openDatabase } from "../../src-main/store/openDatabase.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

// tiny-rerank is a BERT cross-encoder with random weights: its scores mean nothing, but they are the
// model's own, so the tests check that retrieval follows them exactly.
let llama: Llama;
let rerankPath = "";
let ranking: RankingModel;
const dirs: string[] = [];
const open: Services[] = [];

const passages = [
    "Refunds are paid back to the original card within five days.",
    "Items can be returned within 30 days of delivery if unused.",
    "Refund requests need the order number and a photo of the item.",
    "The refund desk is closed on public holidays.",
    "A refund for a damaged parcel is paid in full, postage included.",
    "Gift cards cannot be refunded or exchanged for cash."
];

beforeAll(async () => {
    rerankPath = await ensureSyntheticModel("tiny-rerank");
    llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
    ranking = await RankingModel.load(llama, rerankPath, { threads: 2 });
});
afterAll(async () => {
    await ranking?.dispose();
    await llama?.dispose();
});
afterEach(async () => {
    for (const services of open.splice(0)) await services.dispose();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function libraryOf(texts: readonly string[]): LibraryStore {
    const store = new LibraryStore(openDatabase(":memory:"));
    const { id } = store.queueDocument({ sourcePath: "/docs/refunds.txt", displayName: "refunds.txt", sizeBytes: 1, mtimeMs: 1 });
    let offset = 0;
    const chunks = texts.map((text) => {
        const chunk = { text, sectionIndex: 0, headingPath: [], charStart: offset, charEnd: offset + text.length, tokenCount: 10 };
        offset += text.length + 2;
        return chunk;
    });
    store.setEmbeddingModel({ id: "none", dimension: 8 });
    store.replaceDocumentChunks(id, chunks, texts.map((_, i) => Float32Array.from([1, i, 0, 0, 0, 0, 0, 0])), {});
    return store;
}

describe("reranking with node-llama-cpp's ranking context", () => {
    it("loads a reranker GGUF and scores passages between 0 and 1, the same way twice", async () => {
        const scores = await ranking.rankAll("refund", passages);
        expect(scores).toHaveLength(passages.length);
        expect(scores.every((score) => score > 0 && score < 1)).toBe(true);
        expect(new Set(scores).size).toBe(passages.length);
        expect(await ranking.rankAll("refund", passages)).toEqual(scores);
        // A cross-encoder reads query and passage together: another query scores the same passages differently.
        expect(await ranking.rankAll("gift cards", passages)).not.toEqual(scores);
    });

    it("lets a ranking under way finish when it is disposed (the setting changed mid-question)", async () => {
        const own = await RankingModel.load(llama, rerankPath, { threads: 1 });
        const underWay = own.rankAll("refund", passages);
        await own.dispose();
        const scores = await underWay;
        const reference = await ranking.rankAll("refund", passages);
        expect(scores).toHaveLength(passages.length);
        scores.forEach((score, i) => expect(score).toBeCloseTo(reference[i]!, 5));
    });

    it("refuses a model that is not a reranker, in plain words", async () => {
        const embedPath = await ensureSyntheticModel("tiny-embed");
        await expect(RankingModel.load(llama, embedPath, { threads: 1 })).rejects.toThrow(/tiny-embed.*is an embedding model, not a reranker/);
    });

    it("reorders the fused passages by the reranker's scores and records each score", async () => {
        const store = libraryOf(passages);
        const query = "refund";
        const fused = await new HybridRetriever(store).retrieve(query, { limit: 6 });
        const reranked = await new HybridRetriever(store, { rerank: (q, texts) => ranking.rankAll(q, texts) }).retrieve(query, { limit: 6 });

        const expected = await ranking.rankAll(query, fused.map((result) => result.text));
        const byText = new Map(fused.map((result, i) => [result.text, expected[i]!]));
        expect(reranked.map((result) => result.scores.rerank)).toEqual(reranked.map((result) => byText.get(result.text)));
        expect(reranked.map((result) => result.text)).toEqual([...byText].sort((a, b) => b[1] - a[1]).map(([text]) => text));
        // The reranker really changed the order: BM25 and the reranker disagree on this corpus.
        expect(reranked.map((result) => result.id)).not.toEqual(fused.map((result) => result.id));
        // Fusion scores stay alongside, for explaining a result.
        expect(reranked.every((result) => result.scores.fused > 0 && result.scores.keywordRank !== undefined)).toBe(true);
    });

    it("keeps only the best `limit` after reranking the larger candidate set", async () => {
        const store = libraryOf(passages);
        const all = await new HybridRetriever(store, { rerank: (q, texts) => ranking.rankAll(q, texts) }).retrieve("refund", { limit: 6 });
        const top2 = await new HybridRetriever(store, { rerank: (q, texts) => ranking.rankAll(q, texts) }).retrieve("refund", { limit: 2, rerankCandidates: 6 });
        expect(top2.map((result) => result.id)).toEqual(all.slice(0, 2).map((result) => result.id));
    });
});

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
}

function nextDone(services: Services): Promise<Events["chat.done"]> {
    return new Promise((resolve) => {
        const off = services.events.subscribe((m) => {
            if (m.event === "chat.done") { off(); resolve(m.payload); }
        });
    });
}

describe("the reranker setting in the services", () => {
    it("loads the chosen reranker at the first library question, frees it when the setting changes, and answers without it when it fails to load", async () => {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-rerank-"));
        dirs.push(dataDir);
        const docs = path.join(dataDir, "docs");
        fs.mkdirSync(docs);
        // The scripted model always answers about the harbour, and Locus keeps a citation only on a sentence the
        // cited passage supports, so the refunds page carries that sentence as well.
        fs.writeFileSync(path.join(docs, "refunds.md"), `# Refunds\n\n${passages.join("\n\n")}\n\nIn winter the water of the harbour turns a deep teal.\n`);
        // A copy of the reranker that the test can break later without touching the cached model.
        const copy = path.join(dataDir, "my-reranker.gguf");
        fs.copyFileSync(rerankPath, copy);

        const services = await createServices({ dataDir, host: "browser", engine: { gpu: false, contextSize: 1024, threads: 2 }, maxAnswerTokens: 24 });
        open.push(services);
        const call: Services["dispatcher"]["dispatch"] = (m, a) => services.dispatcher.dispatch(m, a);
        const chat = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("scripted-cite") }));
        const reranker = await value<ModelInfo>(call("models.addFromPath", { path: copy }));
        const embedder = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("tiny-embed") }));
        await value(call("settings.update", { embeddingModelId: embedder.id }));
        expect(reranker.role).toBe("reranker");
        await value(call("models.load", { modelId: chat.id }));
        // A reranker is not a chat model, and the reranker setting takes only rerankers.
        expect((await call("models.load", { modelId: reranker.id })).ok).toBe(false);
        expect(await call("settings.update", { rerankerModelId: chat.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/reranking model/) } });
        await value(call("settings.update", { rerankerModelId: reranker.id }));

        await value(call("library.addPaths", { paths: [docs] }));
        await expect.poll(() => services.library.documents().map((d) => d.status), { timeout: 60_000 }).toEqual(["indexed"]);
        expect(services.library.rerankers.loadedModelId).toBeNull(); // loaded lazily, at the first question

        const ask = async (text: string) => {
            const { id: chatId } = await value<{ id: string }>(call("chats.create", {}));
            const done = nextDone(services);
            await value(call("chats.send", { chatId, text, mode: "library" }));
            return done;
        };
        const answered = await ask("How are refunds paid?");
        expect(answered.reason).toBe("done");
        expect(answered.notice).toBeUndefined();
        expect(answered.citations?.[0]).toMatchObject({ documentName: "refunds.md" });
        expect(services.library.rerankers.loadedModelId).toBe(reranker.id);

        await value(call("settings.update", { rerankerModelId: null }));
        await expect.poll(() => services.library.rerankers.loadedModelId).toBeNull();

        // The file goes bad on disk: the next question is still answered, with the reason, in plain words.
        fs.writeFileSync(copy, "not a model any more");
        await value(call("settings.update", { rerankerModelId: reranker.id }));
        const withoutRerank = await ask("How are refunds paid?");
        expect(withoutRerank.reason).toBe("done");
        expect(withoutRerank.citations?.[0]).toMatchObject({ documentName: "refunds.md" });
        expect(withoutRerank.notice).toMatch(/^Answered without reranking: the reranker could not be loaded\. my-reranker\.gguf is not a readable GGUF model/);
        expect(services.library.rerankers.loadedModelId).toBeNull();
    });

    it("reranks `locus ask` answers too, with the reranker chosen in the app, on the same database", async () => {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-rerank-cli-"));
        dirs.push(dataDir);
        const docs = path.join(dataDir, "docs");
        fs.mkdirSync(docs);
        // One passage a file, so each is its own chunk and the order of the sources is the retriever's.
        passages.forEach((text, i) => fs.writeFileSync(path.join(docs, `refund-${String(i)}.txt`), `${text}\n`));
        const services = await createServices({ dataDir, host: "browser", engine: { gpu: false, contextSize: 1024, threads: 2 } });
        const call: Services["dispatcher"]["dispatch"] = (m, a) => services.dispatcher.dispatch(m, a);
        try {
            const reranker = await value<ModelInfo>(call("models.addFromPath", { path: rerankPath }));
            const embedder = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("tiny-embed") }));
            await value(call("settings.update", { embeddingModelId: embedder.id, rerankerModelId: reranker.id }));
            await value(call("library.addPaths", { paths: [docs] }));
            await expect.poll(() => services.library.documents().map((d) => d.status), { timeout: 60_000 }).toEqual(passages.map(() => "indexed"));
        } finally {
            await services.dispose();
        }

        const cli = await createCliServices({ dataDir, gpu: false, threads: 2, contextSize: 1024 });
        try {
            await cli.embedders.get();
            const question = "How are refunds paid?";
            const prepared = await (await cli.answerer()).prepare(question, { contextSize: 1024, countTokens: (text) => Math.ceil(text.length / 4) });
            expect(prepared.notice).toBeUndefined();
            expect(prepared.sources.length).toBeGreaterThan(2);
            const scores = await ranking.rankAll(question, prepared.sources.map((source) => source.chunk.text));
            expect(scores).toEqual([...scores].sort((a, b) => b - a));
        } finally {
            await cli.dispose();
        }
    });
});
