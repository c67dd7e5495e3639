import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import OpenAI from "openai";
import type { ApiStatus } from "../../src-main/common/contract/apiTypes.js";
import type { ModelInfo } from "../../src-main/common/contract/types.js";
import { LocalChatGenerator } from "../../src-main/generation/LocalChatGenerator.js";
import type { GenerationMessage } from "../../src-main/generation/types.js";
import { RemoteChatGenerator } from "../../src-main/remote/RemoteChatGenerator.js";
import { createServices } from "../../src-main/services/createServices.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import type { SyntheticModelName } from "../support/gguf/syntheticModels.js";
import { startLlamaServer } from "../support/llamaCpp/startLlamaServer.js";

// npm run bench:api [-- --model realistic-q4_0 --tokens 128 --rounds 3 --threads 2]
// 1. Decode tokens/s streamed through Locus's local API (openai client, SSE) against the same generation in
//    process (the engine path the API itself uses), and the time to first token the API adds.
// 2. Locus on the remote engine (RemoteChatGenerator) against llama-server called directly, same model and threads.
// Rounds are interleaved, so a noisy machine moves both sides alike; medians are reported.
const args = parseArgs(process.argv.slice(2));
const modelName = (args.model ?? "realistic-q4_0") as SyntheticModelName;
const tokens = Number(args.tokens ?? 128);
const rounds = Number(args.rounds ?? 3);
const threads = Math.min(Number(args.threads ?? 2), os.availableParallelism());

type Run = { ttftMs: number; decodeTokensPerSecond: number; tokens: number };
const messages: GenerationMessage[] = [{ role: "user", text: "Write a long story about a lighthouse keeper and the sea." }];
const sampling = { temperature: 0.8, seed: 7 };

const modelPath = await ensureSyntheticModel(modelName);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-bench-api-"));
const services = await createServices({ dataDir, host: "browser", engine: { gpu: false, threads, contextSize: 2048 }, maxAnswerTokens: tokens });
const server = await startLlamaServer(modelPath, { threads, contextSize: 2048, alias: "bench" });
try {
    const added = await services.dispatcher.dispatch("models.addFromPath", { path: modelPath });
    if (!added.ok) throw new Error(added.error.message);
    const model = added.value as ModelInfo;
    const loaded = await services.dispatcher.dispatch("models.load", { modelId: model.id });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const configured = await services.dispatcher.dispatch("api.configure", { enabled: true, port: 24000 + (process.pid % 20000) });
    if (!configured.ok) throw new Error(configured.error.message);
    const status = configured.value as ApiStatus;
    const apiName = model.fileName.replace(/\.gguf$/, "");
    const api = new OpenAI({ apiKey: status.token, baseURL: status.url!, maxRetries: 0 });
    const direct = new OpenAI({ apiKey: "none", baseURL: server.url, maxRetries: 0 });
    const inProcess = new LocalChatGenerator(services.engine, services.turns, "api", { modelName: () => apiName, defaultMaxTokens: tokens });
    const remote = new RemoteChatGenerator({ baseUrl: server.url, apiKey: null, model: "bench" });

    const measure = {
        inProcess: () => timeGenerator((onText) => inProcess.generate({ messages, sampling, maxTokens: tokens, onText })),
        api: () => timeStream(api, apiName),
        llamaServer: () => timeStream(direct, "bench"),
        remoteEngine: () => timeGenerator((onText) => remote.generate({ messages, sampling, maxTokens: tokens, onText }))
    };
    const runs: Record<keyof typeof measure, Run[]> = { inProcess: [], api: [], llamaServer: [], remoteEngine: [] };
    for (const run of Object.values(measure)) await run(); // warm-up: model pages, caches, connections
    for (let round = 0; round < rounds; round++)
        for (const [name, run] of Object.entries(measure) as [keyof typeof measure, () => Promise<Run>][]) {
            const result = await run();
            runs[name].push(result);
            console.error(`round ${round + 1} ${name}: ${result.decodeTokensPerSecond.toFixed(1)} tokens/s, first token ${result.ttftMs.toFixed(1)} ms, ${result.tokens} tokens`);
        }
    const median = (name: keyof typeof measure, field: keyof Run) => medianOf(runs[name].map((run) => run[field]));
    // On a shared machine other work only ever slows a run down: each side's best round is its least disturbed one.
    const fastest = (name: keyof typeof measure) => Math.max(...runs[name].map((run) => run.decodeTokensPerSecond));
    const quickest = (name: keyof typeof measure) => Math.min(...runs[name].map((run) => run.ttftMs));
    console.log(JSON.stringify({
        benchmark: "api", cpu: os.cpus()[0]?.model, model: modelName, threads, tokens, rounds,
        // Other work on the machine moves every figure: read the ratios with this in mind.
        loadAverage: os.loadavg().map(round2), cores: os.availableParallelism(),
        localApi: {
            inProcessDecodeTokensPerSecond: round2(median("inProcess", "decodeTokensPerSecond")),
            apiDecodeTokensPerSecond: round2(median("api", "decodeTokensPerSecond")),
            decodeRatio: round3(median("api", "decodeTokensPerSecond") / median("inProcess", "decodeTokensPerSecond")),
            inProcessFirstTokenMs: round2(median("inProcess", "ttftMs")),
            apiFirstTokenMs: round2(median("api", "ttftMs")),
            firstTokenAddedMs: round2(medianOf(runs.api.map((run, i) => run.ttftMs - runs.inProcess[i]!.ttftMs))),
            bestRounds: {
                decodeRatio: round3(fastest("api") / fastest("inProcess")), firstTokenAddedMs: round2(quickest("api") - quickest("inProcess"))
            },
            goals: { decodeRatio: 0.97, firstTokenAddedMs: 10 }
        },
        remoteEngine: {
            llamaServerDecodeTokensPerSecond: round2(median("llamaServer", "decodeTokensPerSecond")),
            locusDecodeTokensPerSecond: round2(median("remoteEngine", "decodeTokensPerSecond")),
            decodeRatio: round3(median("remoteEngine", "decodeTokensPerSecond") / median("llamaServer", "decodeTokensPerSecond")),
            llamaServerFirstTokenMs: round2(median("llamaServer", "ttftMs")),
            locusFirstTokenMs: round2(median("remoteEngine", "ttftMs")),
            bestRounds: { decodeRatio: round3(fastest("remoteEngine") / fastest("llamaServer")) },
            goals: { decodeRatio: 0.95 }
        }
    }, null, 2));
    inProcess.dispose();
} finally {
    await server.stop();
    await services.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Times a generation: the first piece of text, then the end (the decode rate covers the tokens after the first). */
async function timeGenerator(generate: (onText: (text: string) => void) => Promise<{ completionTokens: number }>): Promise<Run> {
    const started = performance.now();
    let first = 0;
    const result = await generate(() => {
        if (first === 0) first = performance.now();
    });
    return toRun(started, first, performance.now(), result.completionTokens);
}

async function timeStream(client: OpenAI, model: string): Promise<Run> {
    const started = performance.now();
    let first = 0;
    let last = 0;
    let count = 0;
    const stream = await client.chat.completions.create({
        model, messages: messages.map((m) => ({ role: "user" as const, content: m.role === "tool" ? "" : m.text })), max_tokens: tokens,
        temperature: sampling.temperature, seed: sampling.seed, stream: true, stream_options: { include_usage: true }
    });
    for await (const chunk of stream) {
        if (first === 0 && chunk.choices[0]?.delta.content) first = performance.now();
        if (chunk.choices[0]?.finish_reason) last = performance.now();
        count = chunk.usage?.completion_tokens ?? count;
    }
    return toRun(started, first, last, count);
}

function toRun(started: number, first: number, last: number, count: number): Run {
    if (first === 0 || count < 2) throw new Error(`the model wrote ${count} tokens; the benchmark needs at least 2`);
    return { ttftMs: first - started, decodeTokensPerSecond: (count - 1) / ((last - first) / 1000), tokens: count };
}

function medianOf(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function round2(value: number): number {
    return Number(value.toFixed(2));
}

function round3(value: number): number {
    return Number(value.toFixed(3));
}

function parseArgs(argv: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < argv.length; i++) if (argv[i]!.startsWith("--")) out[argv[i]!.slice(2)] = argv[++i] ?? "";
    return out;
}
