import os from "node:os";
import path from "node:path";
import {
    getLlama, Llama3_2LightweightChatWrapper, LlamaChatSession, LlamaLogLevel, type Llama, type LlamaModel, type Token
} from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { llama3VocabFile } from "../support/gguf/readLlama3Tokenizer.js";
import { ensureLlamaSource } from "../support/llamaCpp/ensureLlamaSource.js";
import { readVocabTestCases, type VocabTestCase } from "../support/llamaCpp/readVocabTestCases.js";

// More threads than cores makes llama.cpp ~100x slower; the test machines have 2 cores.
const threads = Math.min(2, os.availableParallelism());
const variants = ["tiny-f32", "tiny-q8_0"] as const;
const llama3VocabularySize = 128256;

let llama: Llama;
const models = new Map<string, LlamaModel>();
let vocabCases: VocabTestCase[] = [];

beforeAll(async () => {
    llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.warn });
    for (const name of variants) models.set(name, await llama.loadModel({ modelPath: await ensureSyntheticModel(name) }));
    vocabCases = await readVocabTestCases(path.join(await ensureLlamaSource(), llama3VocabFile));
});
afterAll(async () => {
    for (const model of models.values()) await model.dispose();
    await llama?.dispose();
});

/** Raw next-token logits after `text`, from a fresh context. */
async function nextTokenLogits(model: LlamaModel, text: string): Promise<Map<number, number>> {
    const context = await model.createContext({ threads, contextSize: 256 });
    try {
        const tokens = model.tokenize(text);
        const last: [Token, { generateNext: { logits: true } }] = [tokens.at(-1)!, { generateNext: { logits: true } }];
        const results = await context.getSequence().controlledEvaluate([...tokens.slice(0, -1), last]);
        return new Map(results.at(-1)?.next.logits ?? []);
    } finally {
        await context.dispose();
    }
}

function correlation(a: readonly number[], b: readonly number[]): number {
    const mean = (values: readonly number[]) => values.reduce((sum, x) => sum + x, 0) / values.length;
    const meanA = mean(a);
    const meanB = mean(b);
    const covariance = mean(a.map((x, i) => (x - meanA) * (b[i]! - meanB)));
    return covariance / Math.sqrt(mean(a.map((x) => (x - meanA) ** 2)) * mean(b.map((y) => (y - meanB) ** 2)));
}

describe.each(variants)("synthetic model %s in node-llama-cpp", (name) => {
    it("tokenizes llama.cpp's Llama 3 tokenizer test cases to the expected ids", () => {
        const model = models.get(name)!;
        expect(vocabCases.length).toBeGreaterThan(40);
        const mismatches = vocabCases
            .map(({ text, tokens }) => ({ text, expected: tokens, actual: Array.from(model.tokenize(text)) }))
            .filter(({ expected, actual }) => JSON.stringify(expected) !== JSON.stringify(actual));
        expect(mismatches).toEqual([]);
    });

    it("generates tokens from a prompt with an explicit thread count", async () => {
        const model = models.get(name)!;
        const context = await model.createContext({ threads, contextSize: 512 });
        try {
            const generated: Token[] = [];
            for await (const token of context.getSequence().evaluate(model.tokenize("The capital of France is"))) {
                generated.push(token);
                if (generated.length === 8) break;
            }
            expect(generated).toHaveLength(8);
            expect(generated.every((token) => Number.isInteger(token) && token >= 0 && token < llama3VocabularySize)).toBe(true);
            expect(typeof model.detokenize(generated)).toBe("string");
        } finally {
            await context.dispose();
        }
    });

    it("resolves the Llama 3.2 chat wrapper from the chat template and answers in a chat session", async () => {
        const model = models.get(name)!;
        const context = await model.createContext({ threads, contextSize: 512 });
        try {
            const session = new LlamaChatSession({ contextSequence: context.getSequence() });
            expect(session.chatWrapper).toBeInstanceOf(Llama3_2LightweightChatWrapper);
            let streamed = 0;
            const answer = await session.prompt("Say hello.", { maxTokens: 8, onToken: (tokens) => { streamed += tokens.length; } });
            expect(typeof answer).toBe("string");
            expect(streamed).toBeGreaterThan(0);
        } finally {
            await context.dispose();
        }
    });
});

describe("synthetic model variants", () => {
    it("give nearly the same logits in F32 and Q8_0, so our Q8_0 blocks mean to llama.cpp what we meant", async () => {
        const text = "The quick brown fox jumps over the lazy dog";
        const f32 = await nextTokenLogits(models.get("tiny-f32")!, text);
        const q8 = await nextTokenLogits(models.get("tiny-q8_0")!, text);
        expect(f32.size).toBe(llama3VocabularySize);
        const tokens = [...f32.keys()];
        expect(correlation(tokens.map((token) => f32.get(token)!), tokens.map((token) => q8.get(token) ?? Number.NaN)))
            .toBeGreaterThan(0.999);
    });
});
