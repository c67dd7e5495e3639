import { getLlama, type Llama, type LlamaContext, type LlamaModel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreContinuation } from "../../src-main/engine/scoreContinuation.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";

let llama: Llama;
let model: LlamaModel;
let context: LlamaContext;

beforeAll(async () => {
    llama = await getLlama({ gpu: false, build: "never" });
    model = await llama.loadModel({ modelPath: await ensureSyntheticModel("tiny-q8_0") });
    context = await model.createContext({ contextSize: 512, threads: 2 });
});
afterAll(async () => {
    await context?.dispose();
    await model?.dispose();
    await llama?.dispose();
});

describe("scoreContinuation", () => {
    it("equals the log of the probability the engine itself gives each next token, summed", async () => {
        const sequence = context.getSequence();
        const prefix = model.tokenize("Question: what colour is the harbour in winter? Answer:");
        const continuation = model.tokenize(" deep teal, from the silt");
        const score = await scoreContinuation(sequence, prefix, continuation);

        // The reference: the engine's full next-token distribution at every position, read the slow way.
        await sequence.clearHistory();
        const all = [...prefix, ...continuation];
        const output = await sequence.controlledEvaluate(all.map((token, i) =>
            i >= prefix.length - 1 && i < all.length - 1 ? [token, { generateNext: { probabilities: true } }] as const : token));
        const expected = continuation.map((token, j) => Math.log(output[prefix.length - 1 + j]!.next.probabilities!.get(token)!));

        expect(score.tokens).toBe(continuation.length);
        score.tokenLogProbs.forEach((value, j) => expect(value).toBeCloseTo(expected[j]!, 3));
        expect(score.logProb).toBeCloseTo(expected.reduce((a, b) => a + b, 0), 3);
        sequence.dispose();
    });

    it("gives the same score twice (history is cleared before and after)", async () => {
        const sequence = context.getSequence();
        const prefix = model.tokenize("The answer is");
        const a = await scoreContinuation(sequence, prefix, model.tokenize(" forty two"));
        const b = await scoreContinuation(sequence, prefix, model.tokenize(" forty two"));
        expect(b.logProb).toBeCloseTo(a.logProb, 5);
        expect(a.logProb).toBeLessThan(0);
        sequence.dispose();
    });
});
