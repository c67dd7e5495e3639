import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiStatus } from "../../src-main/common/contract/apiTypes.js";
import type { Events } from "../../src-main/common/contract/events.js";
import { findStarterModels } from "../../src-main/models/starter/findStarterModels.js";
import { createServices, type Services } from "../../src-main/services/createServices.js";
import type { ControlledEvaluateInputItem, LlamaContextSequence, Token } from "node-llama-cpp";
import { fingerprintModelFile } from "../../src-main/trainer/adapter/fingerprintModelFile.js";
import { writeTestLoraAdapter } from "../support/gguf/writeTestLoraAdapter.js";
import { startLlamaServer, type RunningLlamaServer } from "../support/llamaCpp/startLlamaServer.js";
import { requireStarterModels } from "../support/starter/requireStarterModels.js";

let services: Services;
let dataDir = "";
let starterPath = "";
let starterName = "";
let api: OpenAI;
const servers: RunningLlamaServer[] = [];

async function until(check: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
    const r = await result;
    if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
}

/** Greedy plain-text continuations through Locus's own API (whichever engine answers). */
async function continuations(prompts: readonly string[]): Promise<string[]> {
    const texts: string[] = [];
    for (const prompt of prompts)
        texts.push((await api.completions.create({ model: starterName, prompt, temperature: 0, max_tokens: 16 })).choices[0]!.text);
    return texts;
}

/**
 * Log-probabilities of `continuation` after `prefix`, evaluated as a server generates: the prompt in one
 * batch, then one token per decode (batched and single-token evaluation round differently on a CPU).
 */
async function scoreStepwise(sequence: LlamaContextSequence, prefix: readonly Token[], continuation: readonly Token[]): Promise<number[]> {
    await sequence.clearHistory();
    const logProbs: number[] = [];
    const ask = (token: Token, next: Token): ControlledEvaluateInputItem =>
        [token, { generateNext: { logits: { filter: { tokens: [next], includeTop: 1 } }, totalLogitWeight: true } }];
    const read = (output: Awaited<ReturnType<LlamaContextSequence["controlledEvaluate"]>>, index: number, next: Token) => {
        const result = output[index]?.next;
        const max = Math.max(...result!.logits!.values());
        logProbs.push(result!.logits!.get(next)! - max - Math.log(result!.totalLogitWeight!));
    };
    const first = await sequence.controlledEvaluate([...prefix.slice(0, -1), ask(prefix.at(-1)!, continuation[0]!)]);
    read(first, prefix.length - 1, continuation[0]!);
    for (let i = 0; i < continuation.length - 1; i++) read(await sequence.controlledEvaluate([ask(continuation[i]!, continuation[i + 1]!)]), 0, continuation[i + 1]!);
    await sequence.clearHistory();
    return logProbs;
}

beforeAll(async () => {
    requireStarterModels();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-remote-starter-"));
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, "velmora.md"), "# Velmora lighthouse\n\nThe keeper of the Velmora lighthouse is Orin Tasker. He lights the lamp at dusk.\n\n# Harbour fees\n\nBoats moored in Velmora harbour pay nine silver marks a week.\n");
    services = await createServices({ dataDir, host: "browser", starterModels: findStarterModels(), engine: { gpu: false, threads: 2, contextSize: 2048 }, maxAnswerTokens: 96 });
    await until(() => services.engine.status.state === "ready", "the starter chat model is loaded");
    const chat = services.models.list().find((m) => m.role === "chat")!;
    starterPath = findStarterModels().find((m) => m.model.role === "chat")!.path;
    starterName = chat.fileName.replace(/\.gguf$/, "");
    await value(services.dispatcher.dispatch("library.addPaths", { paths: [docs] }));
    await until(() => services.library.documents().every((d) => d.status === "indexed"), "the document is indexed");
    const status = await value<ApiStatus>(services.dispatcher.dispatch("api.configure", { enabled: true, port: 23000 + (process.pid % 20000) }));
    api = new OpenAI({ apiKey: status.token, baseURL: status.url!, maxRetries: 0 });
}, 600_000);
afterAll(async () => {
    for (const server of servers) await server.stop(true);
    await services?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the starter model on llama-server as Locus's remote engine", () => {
    it("answers a library question from the server with the fact and a citation of the passage that holds it", async () => {
        const server = await startLlamaServer(starterPath, { threads: 2, contextSize: 2048, alias: "smollm2" });
        servers.push(server);
        services.remote.configure({ mode: "remote", baseUrl: server.url, model: "smollm2", firstTokenTimeoutSeconds: 120, idleTimeoutSeconds: 30 });
        try {
            const { id: chatId } = await value<{ id: string }>(services.dispatcher.dispatch("chats.create", {}));
            const done = new Promise<Events["chat.done"]>((resolve) => {
                const off = services.events.subscribe((m) => { if (m.event === "chat.done" && m.payload.chatId === chatId) { off(); resolve(m.payload); } });
            });
            await value(services.dispatcher.dispatch("chats.send", { chatId, text: "Who is the keeper of the Velmora lighthouse?", mode: "library" }));
            const answer = await done;
            expect(answer.reason, answer.error).toBe("done");
            expect(answer.content).toContain("Orin Tasker");
            expect(answer.citations?.length).toBeGreaterThan(0);
            const source = await value<{ text: string }>(services.dispatcher.dispatch("library.source", { chunkId: answer.citations![0]!.chunkId }));
            expect(source.text).toContain("Orin Tasker");
        } finally {
            services.remote.configure({ mode: "local" });
        }
    });

    it("applies a LoRA adapter on llama-server (--lora-scaled) with the token probabilities Locus's engine gives with it, so the same answers", async () => {
        const adapterPath = path.join(dataDir, "adapter.gguf");
        await writeTestLoraAdapter(starterPath, adapterPath, {
            targets: ["attn_q", "attn_v"], rank: 8, alpha: 16, amplitude: 0.08, seed: "travel",
            metadata: { "locus.base.fingerprint": await fingerprintModelFile(starterPath) }
        });
        const prompts = ["The capital of France is", "Once upon a time, a small robot", "def fibonacci(n):"];
        const server = await startLlamaServer(starterPath, { threads: 2, contextSize: 2048, lora: [{ path: adapterPath, scale: 1 }] });
        servers.push(server);

        // What the server generates greedily with the adapter, and how probable it finds each token.
        const remote: { prompt: string; text: string; ids: number[]; logProbs: number[] }[] = [];
        for (const prompt of prompts) {
            const response = await fetch(server.url.replace(/\/v1$/, "/completion"), {
                method: "POST", headers: { "content-type": "application/json" },
                body: JSON.stringify({ prompt, n_predict: 12, temperature: 0, n_probs: 1, cache_prompt: false })
            });
            const body = await response.json() as { content: string; completion_probabilities: { id: number; logprob: number }[] };
            remote.push({ prompt, text: body.content, ids: body.completion_probabilities.map((p) => p.id), logProbs: body.completion_probabilities.map((p) => p.logprob) });
        }

        // The same tokens scored by Locus's engine, with the adapter and without it.
        const score = async () => {
            const { model, sequence } = services.engine.requireLoaded();
            const scores: number[][] = [];
            for (const item of remote) {
                const prefix = [...(model.tokens.bos != null && model.tokens.shouldPrependBosToken ? [model.tokens.bos] : []), ...model.tokenize(item.prompt)];
                scores.push(await scoreStepwise(sequence, prefix, item.ids as Token[]));
            }
            return scores;
        };
        const without = await score();
        await services.engine.setAdapter({ id: "travel", name: "travel", filePath: adapterPath, scale: 1, baseModelName: "SmolLM2" });
        try {
            const withAdapter = await score();
            const gaps = (scores: number[][]) => scores.flatMap((row, i) => row.map((value, j) => Math.abs(value - remote[i]!.logProbs[j]!)));
            const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
            const withGaps = gaps(withAdapter), withoutGaps = gaps(without);
            const report = JSON.stringify({ withMean: mean(withGaps), withMax: Math.max(...withGaps), withoutMean: mean(withoutGaps), withoutMax: Math.max(...withoutGaps) });
            // Token by token the same probabilities. Two builds of the same llama.cpp round differently: the server is
            // built here for this CPU, the engine's binary is prebuilt, and their kernels differ by CPU. On an AVX-512
            // machine the gap stayed under 0.1 nats (mean under 0.01); on an AVX2-only AMD EPYC it is 0.21 at most
            // (mean 0.013), the same before and after unrelated changes, while without the adapter it is 1.6 (mean 0.16)...
            expect(Math.max(...withGaps), report).toBeLessThan(0.3);
            expect(mean(withGaps), report).toBeLessThan(0.02);
            // ...while without the adapter the same answers are scored clearly differently: the adapter matters.
            expect(mean(withoutGaps), report).toBeGreaterThan(5 * mean(withGaps));
            expect(Math.max(...withoutGaps), report).toBeGreaterThan(0.2);
            // And the greedy answers through Locus's own API agree with the server's where no two tokens are near a tie.
            const local = await continuations(prompts.slice(0, 1));
            expect(local[0]!.startsWith(remote[0]!.text.slice(0, 8))).toBe(true);
        } finally {
            await services.engine.setAdapter(null);
        }
    });
});
