import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withDefaultTrainingOptions } from "../../../src-main/trainer/defaultTrainingOptions.js";
import type { NativeSessionInfo, NativeTrainerAddon, NativeTrainerSession } from "../../../src-main/trainer/native/nativeTrainerTypes.js";
import { trainAdapter } from "../../../src-main/trainer/trainAdapter.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-train-adapter-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A native addon stand-in that records what it was asked to tokenize; `template` decides whether the model has a chat template. */
function fakeAddon(template: boolean) {
    const tokenized: Array<{ text: string; parseSpecial: boolean }> = [];
    const info = { contextSize: 16, microBatchSize: 16, threads: 1, vocabularySize: 100, bosToken: 1, eosToken: 2 } as NativeSessionInfo;
    const session: NativeTrainerSession = {
        tokenize: (text, _addSpecial, parseSpecial) => {
            tokenized.push({ text, parseSpecial: parseSpecial === true });
            return Promise.resolve(Int32Array.from({ length: 40 }, (_, i) => 3 + (i % 90)));
        },
        formatExchange: (question, answer) => (template ? `<|user|>${question}<|end|><|assistant|>${answer}<|end|>` : null),
        trainStep: () => Promise.resolve({ loss: 3, diverged: false, seconds: 0.01 }),
        evaluate: () => Promise.resolve({ loss: 3, tokens: 16, seconds: 0.01 }),
        keepBest: () => undefined,
        restoreBest: () => undefined,
        save: (filePath) => {
            fs.writeFileSync(filePath, "adapter");
            return Promise.resolve(filePath);
        },
        info: () => info,
        dispose: () => Promise.resolve()
    };
    const addon = {
        initBackend: () => "fake",
        writeFreshAdapter: () => Promise.resolve({}),
        openSession: () => Promise.resolve(session),
        quantizeModel: () => Promise.reject(new Error("unused"))
    } as unknown as NativeTrainerAddon;
    return { addon, tokenized };
}

async function train(template: boolean) {
    const modelPath = path.join(dir, "model.gguf");
    fs.writeFileSync(modelPath, "not really a model, only fingerprinted");
    const fake = fakeAddon(template);
    const run = await trainAdapter({
        modelPath, outputDir: path.join(dir, `out-${String(template)}`), name: "t",
        documents: [{ id: "d1", text: "Harbour notes. ".repeat(10) }],
        pairs: [{ question: "When does the desk open?", answer: "At nine." }],
        options: withDefaultTrainingOptions({ budgetSeconds: 60, threads: 1, windowTokens: 16, maxSteps: 2, validationFraction: 0 })
    }, { addon: fake.addon, onEvent: () => undefined, isCancelled: () => false });
    await run.release();
    return { result: run.result, tokenized: fake.tokenized };
}

describe("trainAdapter with question-answer pairs", () => {
    it("writes each pair in the model's chat template and parses its markers as special tokens; documents stay plain text", async () => {
        const { result, tokenized } = await train(true);
        expect(tokenized).toEqual([
            { text: "Harbour notes. ".repeat(10), parseSpecial: false },
            { text: "<|user|>When does the desk open?<|end|><|assistant|>At nine.<|end|>", parseSpecial: true }
        ]);
        expect(result.stats).toMatchObject({ pairs: 1, pairsInChatTemplate: true, trainDocuments: 2, steps: 2 });
    });

    it("falls back to plain 'Question: … Answer: …' text for a model without a chat template, with nothing parsed as special", async () => {
        const { result, tokenized } = await train(false);
        expect(tokenized[1]).toEqual({ text: "Question: When does the desk open?\nAnswer: At nine.\n", parseSpecial: false });
        expect(result.stats).toMatchObject({ pairs: 1, pairsInChatTemplate: false });
    });
});
