import path from "node:path";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";
import { ensureLlamaSource } from "../llamaCpp/ensureLlamaSource.js";
import { floatTensorData } from "../../../src-main/models/gguf/floatTensorData.js";
import { GgmlType } from "../../../src-main/models/gguf/ggufTypes.js";
import { GgufWriter, type GgufLayout } from "../../../src-main/models/gguf/GgufWriter.js";
import { ggufValue } from "../../../src-main/models/gguf/ggufValue.js";
import { deepSeekR1SpecialTokens, deepSeekR1Tokenizer } from "./deepSeekR1Tokenizer.js";
import { llamaMetadata } from "./llamaMetadata.js";
import { tinyShape, type LlamaShape } from "./llamaShapes.js";
import { llamaTensorPlan } from "./llamaTensorPlan.js";
import { llama3VocabFile, readLlama3Tokenizer } from "./readLlama3Tokenizer.js";

/** The shape of the scripted model: the tiny one, with an output matrix of its own (the bigram table). */
export const scriptedShape: LlamaShape = { ...tinyShape, tiedEmbeddings: false };

/**
 * Which chat model family the file claims to be. "llama-3.2": the Llama 3.2 template, answers end with
 * `<|eot_id|>`. "deepseek-r1": DeepSeek-R1-Distill-Llama's tokens and template, so node-llama-cpp segments
 * `<think>...</think>` as a thinking section; answers end with `<｜end▁of▁sentence｜>`.
 */
export type ScriptedFamily = "llama-3.2" | "deepseek-r1";

export type ScriptedChatOptions = {
    family?: ScriptedFamily;
    /** llama.cpp's `general.sampling.*` keys (temp, top_k, top_p, min_p, penalty_repeat): the file's recommended sampling. */
    sampling?: Readonly<Record<string, number>>;
};

/** `<|eot_id|>`: ends a Llama 3.2 answer. */
const endOfTurnTokenId = 128009;
/** Logit of the scripted next token (all others get 0): far beyond what temperature, top-k and top-p can undo. */
const nextTokenLogit = 40;

/** A script that a bigram model cannot follow: the same token would need two different successors. */
export class UnscriptableTextError extends Error {
    override name = "UnscriptableTextError";
}

/**
 * Writes a Llama-3.2-like chat model that answers every prompt with `answer`, token for token. It is a
 * bigram model built by hand: every attention output and FFN down projection is zero, so the residual
 * stream holds only the current token's embedding; the trigger token (the "\n\n" that ends the Llama 3
 * chat template's assistant header, the last prompt token) and each script token get their own
 * orthogonal embedding direction; and `output.weight` maps the trigger to the first script token, each
 * script token to the next, and the last to `<|eot_id|>`. Every other token embeds to zero, so its
 * logits are flat, which never matters: generation starts at the trigger and only visits script tokens.
 */
export async function generateScriptedChatModel(answer: string, outPath: string, options: ScriptedChatOptions = {}): Promise<GgufLayout> {
    const family = options.family ?? "llama-3.2";
    const sourceDir = await ensureLlamaSource();
    const llama3 = await readLlama3Tokenizer(sourceDir);
    const tokenizer = family === "deepseek-r1" ? await deepSeekR1Tokenizer(llama3, sourceDir) : llama3;
    const { trigger, script } = await tokenizeScript(path.join(sourceDir, llama3VocabFile), answer, family);
    const endTokenId = family === "deepseek-r1" ? deepSeekR1SpecialTokens["<｜end▁of▁sentence｜>"] : endOfTurnTokenId;
    const shape = scriptedShape;
    const nEmbd = shape.embeddingLength;
    if (script.length + 1 > nEmbd)
        throw new UnscriptableTextError(`the answer has ${script.length} tokens; the scripted model holds at most ${nEmbd - 1}`);
    const chain = [trigger, ...script];
    if (new Set(chain).size !== chain.length || chain.includes(endTokenId))
        throw new UnscriptableTextError(`every token of ${JSON.stringify(answer)} must appear once (and not be "\\n\\n"); tokens: ${script.join(", ")}`);

    const writer = new GgufWriter();
    const name = family === "deepseek-r1" ? "DeepSeek R1 Distill Llama synthetic scripted (hand-made bigram weights)"
        : "Llama 3.2 synthetic scripted (hand-made bigram weights)";
    for (const [key, value] of llamaMetadata(shape, GgmlType.F32, name, tokenizer.vocabSize)) writer.setKv(key, value);
    for (const [key, value] of Object.entries(options.sampling ?? {}))
        writer.setKv(`general.sampling.${key}`, key === "top_k" ? ggufValue.i32(value) : ggufValue.f32(value));
    for (const [key, value] of tokenizer.kvs) writer.setKv(key, value);

    const embeddings = new Float32Array(nEmbd * tokenizer.vocabSize);
    const output = new Float32Array(nEmbd * tokenizer.vocabSize);
    // RMS norm turns a one-hot embedding into sqrt(nEmbd) times itself; the output row undoes that scale.
    const outputScale = nextTokenLogit / Math.sqrt(nEmbd);
    chain.forEach((token, direction) => {
        embeddings[token * nEmbd + direction] = 1;
        const next = chain[direction + 1] ?? endTokenId;
        output[next * nEmbd + direction] = outputScale;
    });

    for (const tensor of llamaTensorPlan(shape, GgmlType.F32, tokenizer.vocabSize)) {
        const count = tensor.dims.reduce((a, b) => a * b, 1);
        const values = tensor.name === "token_embd.weight" ? embeddings
            : tensor.name === "output.weight" ? output
            : tensor.role === "norm" ? new Float32Array(count).fill(1)
            : new Float32Array(count);
        writer.addTensor({ name: tensor.name, dims: tensor.dims, type: tensor.type, data: floatTensorData(values) });
    }
    return writer.writeFile(outPath);
}

/**
 * The answer's tokens and the trigger token, in the real Llama 3 tokenizer (llama.cpp's, through a vocab-only
 * load). For "deepseek-r1" the trigger is `<｜Assistant｜>`, the last token of node-llama-cpp's DeepSeek
 * prompt, and the thinking markers in the answer become their single control tokens.
 */
async function tokenizeScript(vocabPath: string, answer: string, family: ScriptedFamily): Promise<{ trigger: number; script: number[] }> {
    const llama = await getLlama({ gpu: false, build: "never", skipDownload: true, logLevel: LlamaLogLevel.disabled });
    const vocab = await llama.loadModel({ modelPath: vocabPath, vocabOnly: true });
    try {
        if (family === "deepseek-r1") {
            const markers = /(<think>|<\/think>)/;
            const script = answer.split(markers).filter((piece) => piece !== "").flatMap((piece) =>
                piece === "<think>" || piece === "</think>" ? [deepSeekR1SpecialTokens[piece]] : vocab.tokenize(piece).map(Number));
            return { trigger: deepSeekR1SpecialTokens["<｜Assistant｜>"], script };
        }
        const [trigger, ...rest] = vocab.tokenize("\n\n");
        if (trigger === undefined || rest.length > 0) throw new UnscriptableTextError("\"\\n\\n\" is not one token in this vocabulary");
        return { trigger, script: vocab.tokenize(answer).map(Number) };
    } finally {
        await vocab.dispose();
    }
}
