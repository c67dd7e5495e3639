import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LlamaContextSequence, Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Events } from "../../src-main/common/contract/events.js";
import type { AdapterInfo, TrainingRunInfo } from "../../src-main/common/contract/personalizeTypes.js";
import type { EngineStatus, ModelInfo } from "../../src-main/common/contract/types.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import { ensureTrainerAddon } from "../../src-main/trainer/native/build.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

// A chat.done with an error has reason "error"; a random model's answers end on their token limit or end token.
// Personalize through the services, as the app runs it: documents indexed into the library, a run on
// the chat model chosen in Settings in the trainer worker, the adapter registered, then applied by chat.
// The synthetic model has random weights; what it learns in a few steps is the text's own statistics.
const noteText = (i: number): string =>
    `Section ${String(i)}. The quick brown fox jumps over the lazy dog while the cat watches from the warm window. `.repeat(6);
// Steps are capped so the run is short; the learning rate suits a random tiny model (as in trainer.test.ts).
const training = { learningRate: 3e-2, windowTokens: 256, rank: 8, targets: ["attn_q", "attn_v", "attn_output", "ffn_down"] as const, validationFraction: 0.2 };

type Call = Services["dispatcher"]["dispatch"];

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
}

/** Services on a fresh data folder with the tiny chat model loaded and `count` notes indexed. */
async function startWithLibrary(maxSteps: number, extra: { validationOverhead?: number } = {}, count = 12): Promise<{ services: Services; call: Call; dataDir: string; chat: ModelInfo }> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-personalize-"));
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(docs, `note-${String(i).padStart(2, "0")}.txt`), noteText(i));
    const services = await createServices({
        dataDir, host: "browser", engine: { gpu: false, contextSize: 512, threads: 2 }, maxAnswerTokens: 16,
        training: { ...training, targets: [...training.targets], maxSteps, ...extra }
    });
    const call: Call = (m, a) => services.dispatcher.dispatch(m, a);
    const chat = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("tiny-q8_0") }));
    const embedder = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("tiny-embed") }));
    await value(call("models.load", { modelId: chat.id }));
    await value(call("settings.update", { embeddingModelId: embedder.id }));
    await value(call("library.addPaths", { paths: [docs] }));
    await services.library.ingest.idle();
    expect(services.library.documents().filter((document) => document.status === "indexed")).toHaveLength(count);
    return { services, call, dataDir, chat };
}

function runEnded(services: Services): Promise<TrainingRunInfo> {
    return new Promise((resolve) => {
        const off = services.events.subscribe((m) => {
            if (m.event === "training.progress" && ["done", "cancelled", "failed"].includes(m.payload.state)) {
                off();
                resolve(m.payload);
            }
        });
    });
}

async function ask(services: Services, call: Call, text: string): Promise<Events["chat.done"]> {
    const { id: chatId } = await value<{ id: string }>(call("chats.create", {}));
    const done = new Promise<Events["chat.done"]>((resolve) => {
        const off = services.events.subscribe((m) => { if (m.event === "chat.done") { off(); resolve(m.payload); } });
    });
    await value(call("chats.send", { chatId, text }));
    return done;
}

/** Mean log-probability per token of `tokens` through the engine's own chat sequence (with whatever adapter it applies). */
async function meanLogProbability(sequence: LlamaContextSequence, tokens: readonly Token[]): Promise<number> {
    await sequence.clearHistory();
    const input = tokens.slice(0, -1).map((token, i) => [token, {
        generateNext: { logits: { filter: { tokens: [tokens[i + 1] as Token], includeTop: 1 } }, totalLogitWeight: true }
    }] as const);
    const output = await sequence.controlledEvaluate(input as never);
    let sum = 0;
    for (let i = 0; i < input.length; i++) {
        const next = output[i]?.next;
        const logits = next?.logits;
        if (logits === undefined || next?.totalLogitWeight === undefined) throw new Error(`no logits at ${String(i)}`);
        sum += (logits.get(tokens[i + 1] as Token) ?? Number.NaN) - Math.max(...logits.values()) - Math.log(next.totalLogitWeight);
    }
    await sequence.clearHistory();
    return sum / input.length;
}

beforeAll(async () => {
    await ensureTrainerAddon();
});

describe("Personalize: a run from library documents, then chat with the adapter", () => {
    let services: Services;
    let call: Call;
    let dataDir: string;
    let chat: ModelInfo;
    let run: TrainingRunInfo;
    const progress: TrainingRunInfo[] = [];
    const maxThreadsDuringRun: number[] = [];

    beforeAll(async () => {
        ({ services, call, dataDir, chat } = await startWithLibrary(12));
        const llama = await services.engine.llama();
        services.events.subscribe((m) => {
            if (m.event !== "training.progress") return;
            progress.push(m.payload);
            if (m.payload.state === "training") maxThreadsDuringRun.push(llama.maxThreads);
        });
        const ended = runEnded(services);
        const started = await value<TrainingRunInfo>(call("training.start", { budgetMinutes: 5 }));
        expect(started).toMatchObject({ state: "preparing", modelId: chat.id, documentCount: 12, budgetMinutes: 5 });
        run = await ended;
    });
    afterAll(async () => {
        await services?.dispose();
        if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it("registers an adapter whose held-out loss is clearly below the base model's", async () => {
        expect(run).toMatchObject({ state: "done", stoppedBy: "max-steps", step: 12, error: null });
        const adapters = await value<AdapterInfo[]>(call("adapters.list", {}));
        expect(adapters).toHaveLength(1);
        const [adapter] = adapters;
        expect(adapter).toMatchObject({
            id: run.adapterId, baseModelId: chat.id, budgetMinutes: 5, steps: 12, tokensTrained: 12 * 256, lossOn: "held-out", active: false, scale: 1
        });
        expect(adapter?.documentNames).toHaveLength(12);
        expect((adapter?.lossBefore ?? 0) - (adapter?.lossAfter ?? 0)).toBeGreaterThan(0.15);
        expect(adapter?.sizeBytes).toBeGreaterThan(0);
        // The adapter lives in the data folder's adapters/, under a name of its own; the run's scratch is gone.
        const files = fs.readdirSync(path.join(dataDir, "adapters")).filter((name) => name.endsWith(".gguf"));
        expect(files).toHaveLength(1);
        expect(fs.readdirSync(path.join(dataDir, "adapters", ".runs"))).toEqual([]);
        expect(JSON.stringify(adapters)).not.toContain(dataDir);
    });

    it("reported progress with a loss curve, and kept the engine to one thread while the trainer had the other", async () => {
        expect(progress.some((info) => info.state === "training" && info.step > 0 && info.tokensPerSecond !== null)).toBe(true);
        expect(run.points.length).toBeGreaterThan(5);
        expect(run.points.some((point) => point.validationLoss !== null)).toBe(true);
        expect(run.initialValidationLoss).not.toBeNull();
        expect(maxThreadsDuringRun.length).toBeGreaterThan(0);
        expect(new Set(maxThreadsDuringRun)).toEqual(new Set([1]));
        expect((await services.engine.llama()).maxThreads).toBe(2);
        expect(await value(call("training.status", {}))).toMatchObject({ id: run.id, state: "done" });
    });

    it("activates the adapter: the context is recreated, the model is not reloaded, and chat answers with it", async () => {
        const before = services.engine.requireLoaded();
        const heldOut = before.model.tokenize(`Section 42. ${noteText(0)}`).slice(0, 160);
        const baseLogProbability = await meanLogProbability(before.sequence, heldOut);
        const states: EngineStatus["state"][] = [];
        const off = services.events.subscribe((m) => { if (m.event === "engine.status") states.push(m.payload.state); });

        const adapters = await value<AdapterInfo[]>(call("adapters.activate", { adapterId: run.adapterId ?? "" }));
        off();
        expect(adapters[0]).toMatchObject({ active: true, scale: 1 });
        const after = services.engine.requireLoaded();
        expect(after.model).toBe(before.model);
        expect(after.context).not.toBe(before.context);
        expect(before.context.disposed).toBe(true);
        expect(states).not.toContain("loading");
        const status = await value<EngineStatus>(call("models.status", {}));
        expect(status).toMatchObject({ state: "ready", modelId: chat.id, adapter: { id: run.adapterId, scale: 1 }, adapterNote: null });

        // The adapter really is applied: the notes' kind of text became more likely through chat's own context.
        const adaptedLogProbability = await meanLogProbability(after.sequence, heldOut);
        expect(adaptedLogProbability - baseLogProbability).toBeGreaterThan(0.1);
        expect(await ask(services, call, "What does the fox do?")).toMatchObject({ reason: expect.stringMatching(/^(done|max-tokens)$/) });
    });

    it("runs chat without the adapter on another base model, says so, and refuses to activate it there", async () => {
        const other = await value<ModelInfo>(call("models.addFromPath", { path: await ensureSyntheticModel("tiny-f32") }));
        const onOther = await value<EngineStatus>(call("models.load", { modelId: other.id }));
        expect(onOther).toMatchObject({ state: "ready", modelId: other.id, adapter: null });
        expect(onOther.adapterNote).toMatch(/was trained on .*, not on tiny-f32.*\.gguf/);
        expect(await ask(services, call, "Hello?")).toMatchObject({ reason: expect.stringMatching(/^(done|max-tokens)$/) });

        await value(call("adapters.deactivate", {}));
        const refused = await call("adapters.activate", { adapterId: run.adapterId ?? "" });
        expect(refused).toMatchObject({ ok: false, error: { kind: "bad-model-file", message: expect.stringMatching(/trained on .*not on tiny-f32.*Load .* to use it/) } });
        expect((await value<AdapterInfo[]>(call("adapters.list", {})))[0]?.active).toBe(false);
        expect(services.engine.status.adapter).toBeNull();

        // Back on its base model it activates, at the scale asked for.
        await value(call("models.load", { modelId: chat.id }));
        await value(call("adapters.activate", { adapterId: run.adapterId ?? "", scale: 0.5 }));
        expect(services.engine.status).toMatchObject({ modelId: chat.id, adapter: { id: run.adapterId, scale: 0.5 }, adapterNote: null });
    });

    it("applies the active adapter again when the app restarts with its base model", async () => {
        await services.dispose();
        services = await createServices({ dataDir, host: "browser", engine: { gpu: false, contextSize: 512, threads: 2 } });
        call = (m, a) => services.dispatcher.dispatch(m, a);
        const status = await value<EngineStatus>(call("models.load", { modelId: chat.id }));
        expect(status.adapter).toMatchObject({ id: run.adapterId, scale: 0.5 });
        expect(await value<AdapterInfo[]>(call("adapters.remove", { adapterId: run.adapterId ?? "" }))).toEqual([]);
        expect(services.engine.status.adapter).toBeNull();
        expect(fs.readdirSync(path.join(dataDir, "adapters")).filter((name) => name.endsWith(".gguf"))).toEqual([]);
    });
});

describe("Personalize: cancel, with chat answering during the run", () => {
    let services: Services;
    let dataDir: string;

    afterAll(async () => {
        await services?.dispose();
        if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it("answers a chat while training, then cancel stops the run and keeps the best adapter so far", async () => {
        let call: Call;
        // Validation as often as half the training time, so a checkpoint comes within seconds.
        ({ services, call, dataDir } = await startWithLibrary(100_000, { validationOverhead: 0.5 }));
        const ended = runEnded(services);
        const checkpointed = new Promise<void>((resolve) => {
            const off = services.events.subscribe((m) => {
                if (m.event === "training.progress" && m.payload.points.filter((point) => point.validationLoss !== null).length >= 2) { off(); resolve(); }
            });
        });
        const training = new Promise<void>((resolve) => {
            const off = services.events.subscribe((m) => { if (m.event === "training.progress" && m.payload.state === "training") { off(); resolve(); } });
        });
        await value(call("training.start", { budgetMinutes: 10 }));
        await training;
        // A random model answers noise until its token limit: what matters is that the answer ends while training goes on.
        expect(await ask(services, call, "Hello while you learn?")).toMatchObject({ reason: expect.stringMatching(/^(done|max-tokens)$/) });
        expect(services.personalize.training.status()?.state).toBe("training");
        await checkpointed;
        const cancelling = await value<TrainingRunInfo>(call("training.cancel", {}));
        expect(["training", "saving", "cancelled"]).toContain(cancelling.state);
        const run = await ended;
        expect(run).toMatchObject({ state: "cancelled", stoppedBy: "cancelled" });
        expect(run.step).toBeGreaterThan(0);
        expect(run.adapterId).not.toBeNull();
        const adapters = await value<AdapterInfo[]>(call("adapters.list", {}));
        expect(adapters.map((adapter) => adapter.id)).toEqual([run.adapterId]);
        expect(adapters[0]?.steps).toBe(run.step);
        expect((await services.engine.llama()).maxThreads).toBe(2);
    });
});
