import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TrainingRunInfo } from "../../../src-main/common/contract/personalizeTypes.js";
import { LocusError } from "../../../src-main/common/errors.js";
import { toAdapterInfo } from "../../../src-main/personalize/toAdapterInfo.js";
import { TrainingService, type TrainingServiceOptions } from "../../../src-main/personalize/TrainingService.js";
import { AdapterRepository, type StoredAdapter } from "../../../src-main/store/AdapterRepository.js";
import type { ChunkWithDocument, LibraryDocument } from "../../../src-main/store/library/types.js";
import { ModelRepository } from "../../../src-main/store/ModelRepository.js";
import { openDatabase } from "../../../src-main/store/openDatabase.js";
import { TrainerUnavailableError } from "../../../src-main/trainer/errors/TrainerUnavailableError.js";
import type { TrainCallOptions, TrainRequest } from "../../../src-main/trainer/TrainerClient.js";
import type { TrainingResult } from "../../../src-main/trainer/types.js";
import { GgufWriter } from "../../../src-main/models/gguf/GgufWriter.js";
import { GgmlType } from "../../../src-main/models/gguf/ggufTypes.js";
import { ggufValue as v } from "../../../src-main/models/gguf/ggufValue.js";

const fingerprint = "locus-model-fingerprint-v1:feedface";
const paragraph = "Refunds are paid within fourteen days of the request. The help desk opens at nine and closes at five. ";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function document(id: string, status: LibraryDocument["status"] = "indexed"): LibraryDocument {
    return {
        id, sourcePath: `/docs/${id}.md`, displayName: `${id}.md`, format: "markdown", title: null, contentHash: null, sizeBytes: 1000,
        mtimeMs: 0, status, statusReason: null, pageCount: null, chunkCount: 1, embeddingModelId: null, createdAt: 0, updatedAt: 0, indexedAt: 0, collectionId: null,
        parentId: null, partKey: null, sender: null, sentAt: null
    };
}

function chunk(documentId: string, text: string): ChunkWithDocument {
    return {
        id: 1, documentId, ordinal: 0, sectionIndex: 0, page: null, headingPath: [], charStart: 0, charEnd: text.length, tokenCount: 10, text,
        documentName: `${documentId}.md`, documentTitle: null, documentFormat: "markdown"
    };
}

/** A library of documents by id, each with the text of one chunk. */
function library(texts: Record<string, string>, statuses: Record<string, LibraryDocument["status"]> = {}): TrainingServiceOptions["library"] {
    const documents = Object.keys(texts).map((id) => document(id, statuses[id]));
    return {
        listDocuments: (wanted) => documents.filter((item) => wanted === undefined || wanted.includes(item.status)),
        listParts: () => [],
        getDocument: (id) => documents.find((item) => item.id === id),
        documentChunks: (id) => [chunk(id, texts[id] ?? "")]
    };
}

const stats = (patch: Partial<TrainingResult["stats"]> = {}): TrainingResult["stats"] => ({
    steps: 3, tokens: 768, stoppedBy: "budget", initialValidationLoss: 7.9, bestValidationLoss: 7.4, lastValidationLoss: 7.4, bestStep: 3, finalTrainLoss: 7.3,
    divergences: 0, trainTokens: 900, validationTokens: 100, trainDocuments: 2, validationDocuments: 1, pairs: 0, pairsInChatTemplate: false, tokensPerSecond: 120, wallSeconds: 60,
    budgetSeconds: 60, optimizerSeconds: 55, validationSeconds: 2, startSeconds: 0.2, loadSeconds: 1, saveSeconds: 0.1, windowTokens: 256,
    trainableParameters: 1000, threads: 1, peakRssBytes: 1e8, ...patch
});

/** Stands in for the trainer worker: reports three steps, writes a checkpoint like the native trainer, and returns it. */
class FakeTrainer {
    readonly requests: TrainRequest[] = [];
    stopReason: TrainingResult["stats"]["stoppedBy"] = "budget";
    fail: Error | null = null;
    /** Resolved by the test to let the run finish. */
    release: () => void = () => undefined;
    readonly #gate: Promise<void>;
    disposed = false;

    constructor(holdUntilReleased = false) {
        this.#gate = holdUntilReleased ? new Promise((resolve) => (this.release = resolve)) : Promise.resolve();
    }

    async train(request: TrainRequest, call: TrainCallOptions = {}): Promise<TrainingResult> {
        this.requests.push(request);
        for (let step = 1; step <= 3; step++) {
            call.onEvent?.({
                type: "progress", step, tokens: step * 256, trainLoss: 8 - step * 0.2, validationLoss: step === 1 ? 7.9 : 7.6, learningRate: 1e-4,
                tokensPerSecond: 120, elapsedSeconds: step, secondsLeft: 60 - step
            });
        }
        const aborted = new Promise((resolve) => (call.signal?.aborted ? resolve(undefined) : call.signal?.addEventListener("abort", resolve)));
        await Promise.race([this.#gate, aborted]);
        if (this.fail) throw this.fail;
        fs.mkdirSync(request.outputDir, { recursive: true });
        const adapterPath = path.join(request.outputDir, `${request.name}.step3.0badcafe.gguf`);
        await new GgufWriter().setKv("locus.base.fingerprint", v.str(fingerprint)).writeFile(adapterPath);
        // Cancelled before its first checkpoint, a run keeps its latest weights, measured on the training text only.
        if (call.signal?.aborted) return { adapterPath, stats: stats({ stoppedBy: "cancelled", bestValidationLoss: null }) };
        return { adapterPath, stats: stats({ stoppedBy: this.stopReason }) };
    }

    async dispose(): Promise<void> {
        this.disposed = true;
    }
}

type Harness = {
    service: TrainingService; trainer: FakeTrainer; adapters: AdapterRepository; adaptersDir: string; modelId: string;
    runs: TrainingRunInfo[]; added: StoredAdapter[]; limits: Array<number | null>;
};

/**
 * A model header the memory estimate can read: two layers, a 100k vocabulary of 16-wide tied embeddings
 * (weights left as a file hole). A run's logits then take about 1.2 MB a token of a batch.
 */
async function writeModelHeader(filePath: string): Promise<string> {
    await new GgufWriter()
        .setKv("general.architecture", v.str("llama"))
        .setKv("llama.block_count", v.u32(2))
        .setKv("llama.embedding_length", v.u32(16))
        .setKv("llama.feed_forward_length", v.u32(32))
        .setKv("llama.attention.head_count", v.u32(2))
        .setKv("llama.attention.head_count_kv", v.u32(2))
        .addTensor({ name: "token_embd.weight", dims: [16, 100_000], type: GgmlType.F32 })
        .writeFile(filePath);
    return filePath;
}

function harness(options: Partial<TrainingServiceOptions> & { trainer?: FakeTrainer; chatModel?: "chosen" | "none" | "missing"; modelPath?: (dir: string) => string } = {}): Harness {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-training-"));
    dirs.push(dir);
    const db = openDatabase(path.join(dir, "locus.sqlite"));
    const models = new ModelRepository(db);
    const model = models.add({ path: options.modelPath?.(dir) ?? path.join(dir, "base.gguf"), fileName: "base.gguf", displayName: "Base 1B", architecture: "llama", sizeBytes: 1e9, role: "chat" });
    const adapters = new AdapterRepository(db);
    const trainer = options.trainer ?? new FakeTrainer();
    const runs: TrainingRunInfo[] = [];
    const added: StoredAdapter[] = [];
    const limits: Array<number | null> = [];
    const adaptersDir = path.join(dir, "adapters");
    const chatModel = options.chatModel ?? "chosen";
    const service = new TrainingService({
        trainer, library: library({ a: paragraph.repeat(4), b: paragraph.repeat(3), c: paragraph.repeat(2) }), models,
        chatModelId: () => (chatModel === "none" ? null : chatModel === "missing" ? "gone" : model.id),
        adapters, engine: { threads: 2, limitThreads: (limit) => limits.push(limit) }, adaptersDir,
        onProgress: (run) => runs.push(run), onAdapterAdded: (adapter) => added.push(adapter), checkTrainer: () => undefined,
        progressIntervalMs: 0, ...options
    });
    return { service, trainer, adapters, adaptersDir, modelId: model.id, runs, added, limits };
}

async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("TrainingService", () => {
    it("trains the chosen chat model on the indexed documents, then moves the adapter into the registry", async () => {
        const h = harness();
        const started = h.service.start({ budgetMinutes: 2 });
        expect(started).toMatchObject({ state: "preparing", modelId: h.modelId, modelName: "Base 1B", documentCount: 3, budgetMinutes: 2, adapterId: null });
        await h.service.idle();

        const request = h.trainer.requests[0];
        expect(request?.documents.map((item) => item.id)).toEqual(["a", "b", "c"]);
        expect(request?.documents[0]?.text).toBe(paragraph.repeat(4));
        expect(request?.options).toMatchObject({ budgetSeconds: 120, threads: 1, startedAt: started.startedAt });

        const run = h.service.status();
        expect(run).toMatchObject({ state: "done", stoppedBy: "budget", step: 3, tokens: 768, initialValidationLoss: 7.9, validationLoss: 7.4 });
        const adapter = h.adapters.get(run?.adapterId ?? "");
        expect(adapter).toMatchObject({
            baseModelId: h.modelId, baseModelName: "Base 1B", baseModelFingerprint: fingerprint, budgetMinutes: 2, steps: 3, tokensTrained: 768,
            lossBefore: 7.9, lossAfter: 7.4, lossOn: "held-out", active: false, documents: [{ id: "a", name: "a.md" }, { id: "b", name: "b.md" }, { id: "c", name: "c.md" }]
        });
        expect(adapter?.name).toMatch(/^a\.md and 2 more, /);
        expect(path.dirname(adapter?.filePath ?? "")).toBe(h.adaptersDir);
        expect(fs.statSync(adapter?.filePath ?? "").size).toBe(adapter?.sizeBytes);
        // The run's scratch folder is gone; only the registered adapter is left.
        expect(fs.readdirSync(h.adaptersDir).filter((name) => !name.startsWith("."))).toEqual([path.basename(adapter?.filePath ?? "")]);
        expect(fs.readdirSync(path.join(h.adaptersDir, ".runs"))).toEqual([]);
        expect(h.added.map((item) => item.id)).toEqual([adapter?.id]);
    });

    it("reports the run's states and steps as progress, with the loss curve", async () => {
        const h = harness();
        h.service.start({ budgetMinutes: 1, documentIds: ["a", "b"] });
        await h.service.idle();
        expect(h.runs.map((run) => run.state).filter((state, i, all) => state !== all[i - 1])).toEqual(["preparing", "training", "saving", "done"]);
        const last = h.runs.at(-1);
        expect(last?.points.map((point) => point.step)).toEqual([1, 2, 3]);
        expect(last?.points[0]).toMatchObject({ trainLoss: 7.8, validationLoss: 7.9 });
        expect(last?.points[1]?.validationLoss).toBe(7.6);
        expect(h.trainer.requests[0]?.documents.map((item) => item.id)).toEqual(["a", "b"]);
    });

    it("gives the engine one thread and the trainer the rest during a run, and lifts the limit after", async () => {
        const h = harness();
        h.service.start({ budgetMinutes: 1 });
        expect(h.limits).toEqual([1]);
        await h.service.idle();
        expect(h.limits).toEqual([1, null]);
        expect(h.trainer.requests[0]?.options.threads).toBe(1);
    });

    it("refuses a run the free memory cannot hold, naming the model and what to do, before the worker starts", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-header-"));
        dirs.push(dir);
        const modelPath = await writeModelHeader(path.join(dir, "model.gguf"));
        const h = harness({ modelPath: () => modelPath, memory: async () => ({ availableBytes: 200 * 2 ** 20, cpuFeatures: [] }) });
        h.service.start({ budgetMinutes: 1 });
        await h.service.idle();
        expect(h.trainer.requests).toHaveLength(0);
        const run = h.service.status();
        expect(run?.state).toBe("failed");
        expect(run?.error).toMatch(/^Training "Base 1B" needs about \d+ MB of free memory, but only 200 MB is free now\. Close other programs, or choose a smaller chat model/);
        expect(h.limits).toEqual([1, null]);
    });

    it("trains on smaller batches when the default one would not fit in free memory, and on the default when it does", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-header-"));
        dirs.push(dir);
        const modelPath = await writeModelHeader(path.join(dir, "model.gguf"));
        const roomy = harness({ modelPath: () => modelPath, memory: async () => ({ availableBytes: 8 * 2 ** 30, cpuFeatures: [] }) });
        roomy.service.start({ budgetMinutes: 1 });
        await roomy.service.idle();
        // The default: the whole window with 16 GB of RAM or more, else 256 tokens.
        expect(roomy.trainer.requests[0]?.options.microBatchTokens).toBe(os.totalmem() >= 16 * 2 ** 30 ? 512 : 256);
        // Room for the logits of 128 tokens of a batch (1.2 MB each) but not of 256: 128 it is.
        const tight = harness({ modelPath: () => modelPath, memory: async () => ({ availableBytes: 300 * 2 ** 20 + 128 * 1.3e6, cpuFeatures: [] }) });
        tight.service.start({ budgetMinutes: 1 });
        await tight.service.idle();
        expect(tight.trainer.requests[0]?.options.microBatchTokens).toBe(128);
        expect(tight.service.status()?.state).toBe("done");
    });

    it("teaches question-answer pairs from a file besides the documents, and lists the file among what the adapter learned from", async () => {
        const h = harness();
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-pairs-"));
        dirs.push(dir);
        const pairsPath = path.join(dir, "faq.jsonl");
        fs.writeFileSync(pairsPath, '{"question": "When does the desk open?", "answer": "At nine."}\n{"question": "Refunds?", "answer": "Within fourteen days."}\n');
        const pairs = await h.service.loadPairs(pairsPath);
        expect(pairs).toEqual({ id: expect.any(String), fileName: "faq.jsonl", count: 2 });
        const started = h.service.start({ budgetMinutes: 1, pairsId: pairs.id });
        expect(started.pairCount).toBe(2);
        await h.service.idle();
        expect(h.trainer.requests[0]?.pairs).toEqual([
            { question: "When does the desk open?", answer: "At nine." }, { question: "Refunds?", answer: "Within fourteen days." }
        ]);
        const adapter = h.adapters.get(h.service.status()?.adapterId ?? "");
        expect(adapter?.documents.map((item) => item.name)).toEqual(["a.md", "b.md", "c.md", "faq.jsonl (2 question-answer pairs)"]);
        expect(toAdapterInfo(adapter!)).toMatchObject({ documentNames: ["a.md", "b.md", "c.md"], pairSources: ["faq.jsonl (2 question-answer pairs)"] });
        // A run without pairs sends none.
        h.service.start({ budgetMinutes: 1 });
        await h.service.idle();
        expect(h.trainer.requests[1]?.pairs).toBeUndefined();
        // Pairs not (or no longer) loaded are refused before a run starts.
        expect(() => h.service.start({ budgetMinutes: 1, pairsId: "gone" })).toThrow(/no longer loaded/);
    });

    it("waits for other work that takes the cores (the Advisor measuring), saying so", async () => {
        let advisorBusy = true;
        const h = harness({ busyElsewhere: () => (advisorBusy ? "The Advisor is measuring now." : null) });
        expect(() => h.service.start({ budgetMinutes: 1 })).toThrow(/Advisor is measuring/);
        expect(h.trainer.requests).toHaveLength(0);
        expect(h.limits).toEqual([]);
        advisorBusy = false;
        h.service.start({ budgetMinutes: 1 });
        await h.service.idle();
        expect(h.service.status()?.state).toBe("done");
    });

    it("runs one training at a time", async () => {
        const h = harness({ trainer: new FakeTrainer(true) });
        h.service.start({ budgetMinutes: 1 });
        expect(() => h.service.start({ budgetMinutes: 1 })).toThrow(/already going on/);
        h.trainer.release();
        await h.service.idle();
        expect(() => h.service.start({ budgetMinutes: 1 })).not.toThrow();
        await h.service.idle();
    });

    it("stops on cancel and keeps the best adapter so far", async () => {
        const h = harness({ trainer: new FakeTrainer(true) });
        h.service.start({ budgetMinutes: 30 });
        await until(() => h.trainer.requests.length === 1);
        const cancelled = h.service.cancel();
        expect(cancelled?.state).not.toBe("done");
        await h.service.idle();
        const run = h.service.status();
        expect(run).toMatchObject({ state: "cancelled", stoppedBy: "cancelled" });
        // Without a held-out measure the losses are the first and last steps' training losses, and say so.
        expect(h.adapters.get(run?.adapterId ?? "")).toMatchObject({ lossBefore: 7.8, lossAfter: 7.3, lossOn: "training" });
    });

    it("turns a failed run into a message, leaves nothing behind and lifts the thread limit", async () => {
        const trainer = new FakeTrainer();
        trainer.fail = new Error("The trainer ran out of memory.");
        const h = harness({ trainer });
        h.service.start({ budgetMinutes: 1 });
        await h.service.idle();
        expect(h.service.status()).toMatchObject({ state: "failed", error: "The trainer ran out of memory.", adapterId: null });
        expect(h.adapters.list()).toEqual([]);
        expect(h.limits).toEqual([1, null]);
    });

    it("stops on a full disk with a message saying so, keeping the adapters saved before and leaving no file behind", async () => {
        const trainer = new FakeTrainer();
        const h = harness({ trainer });
        h.service.start({ budgetMinutes: 1 });
        await h.service.idle();
        const [kept] = h.adapters.list();
        expect(kept).toBeDefined();

        trainer.fail = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        h.service.start({ budgetMinutes: 1 });
        await h.service.idle();
        expect(h.service.status()).toMatchObject({ state: "failed", adapterId: null, error: expect.stringMatching(/^The disk is full, so the training run stopped\. Adapters saved before are kept/) });
        expect(h.adapters.list().map((adapter) => adapter.id)).toEqual([kept!.id]);
        expect(fs.existsSync(kept!.filePath)).toBe(true);
        expect(fs.readdirSync(h.adaptersDir).filter((name) => !name.startsWith("."))).toEqual([path.basename(kept!.filePath)]);
    });

    it("removes the adapter file when a full disk refuses to register it, so no adapter is left unlisted", async () => {
        const h = harness();
        h.adapters.add = () => {
            throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
        };
        h.service.start({ budgetMinutes: 1 });
        await h.service.idle();
        expect(h.service.status()).toMatchObject({ state: "failed", error: expect.stringMatching(/^The disk is full/) });
        expect(fs.readdirSync(h.adaptersDir).filter((name) => !name.startsWith("."))).toEqual([]);
    });

    it("says what to do when no chat model is chosen or it left the list", () => {
        expect(() => harness({ chatModel: "none" }).service.start({ budgetMinutes: 1 })).toThrow(/Choose a chat model first/);
        expect(() => harness({ chatModel: "missing" }).service.start({ budgetMinutes: 1 })).toThrow(/no longer in the model list/);
    });

    it("says what to do when there is nothing indexed, or too little text", () => {
        const empty = harness({ library: library({ a: paragraph }, { a: "queued" }) });
        expect(() => empty.service.start({ budgetMinutes: 1 })).toThrow(/no indexed documents.*Add documents to the Library/);
        expect(() => empty.service.start({ budgetMinutes: 1, documentIds: ["a"] })).toThrow(/None of the chosen documents is indexed yet \("a\.md"\)/);
        expect(() => empty.service.start({ budgetMinutes: 1, documentIds: ["zzz"] })).toThrow(/no longer in the library/);
        const short = harness({ library: library({ a: "Too short." }) });
        expect(() => short.service.start({ budgetMinutes: 1 })).toThrow(/Not enough text to learn from: 1 document\(s\) hold 10 characters/);
        expect(short.trainer.requests).toEqual([]);
    });

    it("says to build the trainer when it is not built, before starting anything", () => {
        const h = harness({ checkTrainer: () => { throw new TrainerUnavailableError({ addonPath: "/x/locus_trainer.node", reason: "it has not been built" }); } });
        let error: unknown;
        try {
            h.service.start({ budgetMinutes: 1 });
        } catch (caught) {
            error = caught;
        }
        expect(error).toBeInstanceOf(LocusError);
        expect((error as LocusError).kind).toBe("unsupported");
        expect((error as LocusError).message).toMatch(/npm run build:trainer/);
        expect(h.limits).toEqual([]);
    });

    it("cancels a running training on dispose and stops the worker", async () => {
        const h = harness({ trainer: new FakeTrainer(true) });
        h.service.start({ budgetMinutes: 30 });
        await until(() => h.trainer.requests.length === 1);
        await h.service.dispose();
        expect(h.trainer.disposed).toBe(true);
        expect(h.service.status()).toMatchObject({ state: "cancelled", stoppedBy: "cancelled" });
    });

    it("does not start the trainer when cancelled before it took the run", async () => {
        const h = harness();
        h.service.start({ budgetMinutes: 30 });
        h.service.cancel();
        await h.service.idle();
        expect(h.trainer.requests).toEqual([]);
        expect(h.service.status()).toMatchObject({ state: "cancelled", adapterId: null });
        expect(h.limits).toEqual([1, null]);
    });
});
