import fs from "node:fs";
import { LlamaChatSession } from "node-llama-cpp";
import { Engine } from "../../src-main/engine/Engine.js";
import type { ChildMeasurement, MemorySnapshot } from "./measureModelMemory.js";

// A fresh process for one measurement of measureModelMemory: loads a model through Locus's Engine with the app's
// context size and threads, runs one chat turn, and prints its memory as JSON on stdout.
// argv: modelPath contextSize threads

function readMemory(): MemorySnapshot {
    const status = fs.readFileSync("/proc/self/status", "utf8");
    const kib = (field: string) => {
        const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
        if (match?.[1] == null) throw new Error(`/proc/self/status has no ${field}`);
        return Number(match[1]) * 1024;
    };
    return { rssBytes: kib("VmRSS"), peakRssBytes: kib("VmHWM"), rssAnonBytes: kib("RssAnon"), rssFileBytes: kib("RssFile") };
}

const answerTokens = 32;
const passage = "Section 4.2 of the customer handbook: items that arrive damaged may be returned within thirty days " +
    "for a full refund, provided the original packaging and the receipt are kept. ";

/** Repeated handbook text of about `tokens` tokens. */
function passages(tokenize: (text: string) => readonly unknown[], tokens: number): string {
    const copies = Math.max(1, Math.floor(tokens / tokenize(passage).length));
    return Array.from({ length: copies }, (_, i) => `[${i + 1}] ${passage}`).join("\n");
}

const [modelPath, contextArg, threadsArg] = process.argv.slice(2);
if (modelPath == null || contextArg == null || threadsArg == null) throw new Error("usage: fitBenchChild MODEL CONTEXT THREADS");

const engine = new Engine({ gpu: false, contextSize: Number(contextArg), threads: Number(threadsArg) });
await engine.llama();
// The baseline is the process at rest: garbage from start-up, collected at some later moment, would
// otherwise count in it and make the model's share look smaller by that much (run with --expose-gc).
(globalThis as { gc?: () => void }).gc?.();
const baseline = readMemory();
await engine.load("bench", modelPath);
const loaded = readMemory();
const { sequence, context } = engine.requireLoaded();
const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
// A turn of "Ask my library": passages take about half the context, as the answerer packs them, then a
// short answer. A prompt of several full batches makes llama.cpp use its compute buffers as answers do.
const question = "Using the passages above, what does the refund policy say about damaged items? Answer in two sentences.";
const prompt = `${passages(engine.requireLoaded().model.tokenize, Math.floor(context.contextSize / 2))}\n\n${question}`;
await session.promptWithMeta(prompt, { maxTokens: answerTokens, temperature: 0.7, topK: 40, topP: 0.9 });
const afterTurn = readMemory();
const measurement: ChildMeasurement = {
    baseline, loaded, afterTurn, contextSize: context.contextSize, threads: engine.threads,
    usedContextTokens: sequence.nextTokenIndex
};
session.dispose();
await engine.dispose();
process.stdout.write(`${JSON.stringify(measurement)}\n`);
