import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getLlama, LlamaLogLevel, type Llama, type LlamaEmbeddingContext, type LlamaModel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertBertCheckpoint } from "../../src-main/models/convert/bert/convertBertCheckpoint.js";
import { GgufValueType } from "../../src-main/models/gguf/ggufTypes.js";
import { BertReferenceModel } from "../support/bert/BertReferenceModel.js";
import { BertWordPieceTokenizer } from "../support/bert/BertWordPieceTokenizer.js";
import { referenceMath } from "../support/bert/referenceMath.js";
import { tinyBertVocab, writeTinyBertCheckpoint } from "../support/bert/writeTinyBertCheckpoint.js";
import { readGgufFile } from "../support/gguf/readGgufFile.js";
import { ensureLlamaSource } from "../support/llamaCpp/ensureLlamaSource.js";

// The converter against an independent reference: the real all-MiniLM-L6-v2 checkpoint, converted, embedded by
// node-llama-cpp, and compared sentence by sentence with a float64 forward pass of the same safetensors weights
// (tests/support/bert), whose tokenizer is written from BertTokenizer's algorithm, not taken from llama.cpp.
const checkpointDir = path.resolve(".cache", "starter-models", "all-MiniLM-L6-v2");
const threads = Math.min(2, os.availableParallelism());

const sentences = [
    "The cat sits on the mat",
    "A cat is sitting on a rug",
    "Quarterly revenue grew by 4%",
    "Hello, world!",
    "OK",
    "I'd like a café au lait, s'il vous plaît.",
    "Naïve résumé writers from São Paulo and Zürich met in Kraków.",
    "NASA launched the James Webb Space Telescope on 25 December 2021.",
    "The state-of-the-art model runs on a well-known, five-year-old laptop.",
    "He said, \"Don't forget the keys!\" and left.",
    "It’s a “curly-quoted” phrase — isn’t it?",
    "Prices rose 3.5% to $1,299.99 in Q3 (up from €1.150), per the CFO's memo.",
    "東京は日本の首都です。",
    "Mixing 中文 and English text in one sentence.",
    "Der Kühlschrank ist leer; wir müssen einkaufen gehen.",
    "Пример текста на русском языке.",
    "Emoji are unknown 🦙 to this vocabulary.",
    "e-mail jane.doe@example.com or call +1 (555) 010-9999 before 5:30pm",
    "GPU vs. CPU: which one is faster for BERT inference?",
    "Tabs\tand\nnewlines   and    extra spaces.",
    "antidisestablishmentarianism",
    "What is the refund policy for damaged items?",
    "Locus is a private knowledge assistant for ordinary laptops: you point it at your documents, it answers with " +
        "citations using a quantized language model that runs entirely on your own machine, and nothing leaves that " +
        "machine except the model downloads you start yourself, which is why it was built to work offline from the start."
];

let root = "";
let llama: Llama;
let reference: BertReferenceModel;
let tokenizer: BertWordPieceTokenizer;
let conversionSeconds = 0;
const outputs = new Map<"F16" | "Q8_0", { model: LlamaModel; context: LlamaEmbeddingContext; path: string }>();
const referenceVectors = new Map<string, Float64Array>();

beforeAll(async () => {
    if (!fs.existsSync(path.join(checkpointDir, "model.safetensors")))
        throw new Error(`The all-MiniLM-L6-v2 checkpoint is not at ${checkpointDir}: run \`npm run setup\` to fetch the starter models.`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), "locus-bert-model-"));
    llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.error });
    for (const weightType of ["F16", "Q8_0"] as const) {
        const outPath = path.join(root, `all-MiniLM-L6-v2.${weightType}.gguf`);
        const started = performance.now();
        await convertBertCheckpoint({ checkpointDir, outPath, weightType });
        if (weightType === "F16") conversionSeconds = (performance.now() - started) / 1000;
        const model = await llama.loadModel({ modelPath: outPath });
        outputs.set(weightType, { model, context: await model.createEmbeddingContext({ threads }), path: outPath });
    }
    reference = await BertReferenceModel.load(checkpointDir);
    const vocab = fs.readFileSync(path.join(checkpointDir, "vocab.txt"), "utf8").split("\n");
    if (vocab.at(-1) === "") vocab.pop();
    tokenizer = new BertWordPieceTokenizer(vocab, { lowercase: true, stripAccents: null });
});
afterAll(async () => {
    for (const { model, context } of outputs.values()) {
        await context.dispose();
        await model.dispose();
    }
    await llama?.dispose();
    if (root !== "") fs.rmSync(root, { recursive: true, force: true });
});

function output(weightType: "F16" | "Q8_0") {
    const found = outputs.get(weightType);
    if (found == null) throw new Error(`the ${weightType} conversion did not load`);
    return found;
}

function referenceVector(text: string): Float64Array {
    let vector = referenceVectors.get(text);
    if (vector == null) referenceVectors.set(text, vector = reference.embed(tokenizer.encode(text)));
    return vector;
}

/** Cosine with the reference for every sentence, printed one a line with min and median. */
async function cosines(weightType: "F16" | "Q8_0"): Promise<number[]> {
    const { context } = output(weightType);
    const figures: number[] = [];
    for (const text of sentences) {
        const cosine = referenceMath.cosine((await context.getEmbeddingFor(text)).vector, referenceVector(text));
        figures.push(cosine);
        console.log(`${weightType} cosine ${cosine.toFixed(6)}  ${JSON.stringify(text.slice(0, 60))}`);
    }
    const sorted = [...figures].sort((a, b) => a - b);
    console.log(`${weightType}: min ${sorted[0]!.toFixed(6)}, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(6)} over ${figures.length} sentences`);
    return figures;
}

describe("the BERT converter on all-MiniLM-L6-v2, against an independent reference", () => {
    it("converts the checkpoint in seconds, its vocabulary token for token as llama.cpp's reference BERT vocabulary", async () => {
        console.log(`F16 conversion took ${conversionSeconds.toFixed(2)} s`);
        expect(conversionSeconds).toBeLessThan(60);
        const converted = readGgufFile(output("F16").path).kvs;
        const bge = readGgufFile(path.join(await ensureLlamaSource(), "models", "ggml-vocab-bert-bge.gguf")).kvs;
        for (const key of ["tokenizer.ggml.tokens", "tokenizer.ggml.token_type"]) {
            const ours = converted.get(key);
            const theirs = bge.get(key);
            if (ours?.type !== GgufValueType.Array || theirs?.type !== GgufValueType.Array) throw new Error(`${key} is not an array in both files`);
            const differing = Array.from(ours.items as ArrayLike<unknown>).flatMap((item, id) =>
                item === (theirs.items as ArrayLike<unknown>)[id] ? [] : [{ id, ours: item, theirs: (theirs.items as ArrayLike<unknown>)[id] }]);
            expect(differing.slice(0, 10), key).toEqual([]);
            expect(ours.items.length).toBe(theirs.items.length);
        }
        for (const key of ["unknown_token_id", "seperator_token_id", "padding_token_id", "cls_token_id", "mask_token_id"])
            expect(converted.get(`tokenizer.ggml.${key}`), key).toEqual(bge.get(`tokenizer.ggml.${key}`));
    });

    it("is read by node-llama-cpp as a 384-dimension BERT embedding model with mean pooling", () => {
        const { model } = output("F16");
        expect(model.fileInfo.metadata.general.architecture).toBe("bert");
        expect((model.fileInfo.metadata as { bert?: { pooling_type?: number } }).bert?.pooling_type).toBe(1); // MEAN
        expect(model.embeddingVectorSize).toBe(384);
        expect([model.tokens.bos, model.tokens.sep]).toEqual([101, 102]);
    });

    it("tokenizes every sentence as the reference BertTokenizer does ([CLS] and [SEP] included)", () => {
        const { model } = output("F16");
        const mismatches = sentences.flatMap((text) => {
            const ours = [model.tokens.bos!, ...model.tokenize(text), model.tokens.sep!];
            const expected = tokenizer.encode(text);
            return ours.join(" ") === expected.join(" ") ? [] : [{ text, llamaCpp: ours, reference: expected }];
        });
        for (const mismatch of mismatches) console.log("tokenization differs:", JSON.stringify(mismatch));
        console.log(`tokenization: ${sentences.length - mismatches.length} of ${sentences.length} sentences identical`);
        expect(mismatches).toEqual([]);
    });

    it("embeds every sentence within cosine 0.999 of the reference (F16)", async () => {
        const figures = await cosines("F16");
        figures.forEach((cosine, i) => expect(cosine, sentences[i]).toBeGreaterThanOrEqual(0.999));
    });

    it("embeds every sentence within cosine 0.99 of the reference (Q8_0)", async () => {
        const figures = await cosines("Q8_0");
        figures.forEach((cosine, i) => expect(cosine, sentences[i]).toBeGreaterThanOrEqual(0.99));
    });

    it("pools by mean over all tokens, not by the [CLS] state", async () => {
        const text = sentences[8]!;
        const vector = (await output("F16").context.getEmbeddingFor(text)).vector;
        const states = reference.hiddenStates(tokenizer.encode(text));
        const clsState = states.subarray(0, 384);
        const mean = referenceMath.cosine(vector, referenceVector(text));
        const cls = referenceMath.cosine(vector, clsState);
        console.log(`against the mean of the states ${mean.toFixed(6)}, against the [CLS] state ${cls.toFixed(6)}`);
        expect(mean - cls).toBeGreaterThan(0.01);
    });

    it("places \"The cat sits on the mat\" nearer to a cat on a rug than to quarterly revenue", async () => {
        const { context } = output("F16");
        const [cat, rug, revenue] = await Promise.all(sentences.slice(0, 3).map(async (text) => (await context.getEmbeddingFor(text)).vector));
        const similar = referenceMath.cosine(cat!, rug!);
        const unrelated = referenceMath.cosine(cat!, revenue!);
        console.log(`cat/rug ${similar.toFixed(4)}, cat/revenue ${unrelated.toFixed(4)}`);
        expect(similar).toBeGreaterThan(unrelated + 0.3);
    });
});

describe("the BERT converter on a tiny random checkpoint whose special tokens are not at bert-base's ids", () => {
    it("makes llama.cpp wrap sentences in the checkpoint's own [CLS] and [SEP] and embed them as the reference does", async () => {
        const dir = path.join(root, "tiny-bert");
        await writeTinyBertCheckpoint(dir);
        const outPath = path.join(root, "tiny-bert.F16.gguf");
        await convertBertCheckpoint({ checkpointDir: dir, outPath });
        const tinyReference = await BertReferenceModel.load(dir);
        const tinyTokenizer = new BertWordPieceTokenizer(tinyBertVocab, { lowercase: true, stripAccents: null });
        const model = await llama.loadModel({ modelPath: outPath });
        const context = await model.createEmbeddingContext({ threads });
        try {
            for (const text of ["The cats sit on a rug.", "Hello, unknown world!", "Café state-of-the-art in 東京", "b bc bcc"]) {
                const ids = [model.tokens.bos!, ...model.tokenize(text), model.tokens.sep!];
                expect(ids, text).toEqual(tinyTokenizer.encode(text));
                expect(ids[0]).toBe(tinyBertVocab.indexOf("[CLS]"));
                const cosine = referenceMath.cosine((await context.getEmbeddingFor(text)).vector, tinyReference.embed(ids));
                console.log(`tiny F16 cosine ${cosine.toFixed(6)}  ${JSON.stringify(text)}`);
                expect(cosine, text).toBeGreaterThanOrEqual(0.999);
            }
        } finally {
            await context.dispose();
            await model.dispose();
        }
    });
});
