import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GgufValueType } from "../../../src-main/models/gguf/ggufTypes.js";
import { BertWordPieceTokenizer } from "../../support/bert/BertWordPieceTokenizer.js";
import { referenceMath } from "../../support/bert/referenceMath.js";
import { readGgufFile } from "../../support/gguf/readGgufFile.js";
import { ensureLlamaSource } from "../../support/llamaCpp/ensureLlamaSource.js";
import { readVocabTestCases, type VocabTestCase } from "../../support/llamaCpp/readVocabTestCases.js";

// llama.cpp's tokenizer test pairs for bge-small's vocabulary (bert-base-uncased's 30522 WordPiece tokens): the
// token ids were produced by Hugging Face's BertTokenizer, so they check the reference tokenizer against the real one.
const vocabFile = path.join("models", "ggml-vocab-bert-bge.gguf");
let tokenizer: BertWordPieceTokenizer;
let cases: VocabTestCase[];

beforeAll(async () => {
    const vocabPath = path.join(await ensureLlamaSource(), vocabFile);
    const tokens = readGgufFile(vocabPath).kvs.get("tokenizer.ggml.tokens");
    if (tokens?.type !== GgufValueType.Array || tokens.itemType !== GgufValueType.String) throw new Error(`${vocabPath} has no token list`);
    // back from llama.cpp's phantom-space form to vocab.txt's: "▁word" is a word start, bare text a "##" continuation
    const vocab = Array.from(tokens.items, (token) =>
        token.startsWith("\u2581") ? token.slice(1) : token.startsWith("[") && token.endsWith("]") ? token : `##${token}`);
    tokenizer = new BertWordPieceTokenizer(vocab, { lowercase: true, stripAccents: null });
    cases = await readVocabTestCases(vocabPath);
}, 600_000);

describe("the reference BERT tokenizer (tests/support/bert)", () => {
    it("gives Hugging Face's BertTokenizer ids on every llama.cpp test text for the uncased BERT vocabulary", () => {
        expect(cases.length).toBeGreaterThan(20);
        const mismatches = cases.filter(({ text, tokens }) => tokenizer.encode(text).slice(1, -1).join(" ") !== tokens.join(" "))
            .map(({ text, tokens }) => ({ text, expected: tokens, got: tokenizer.encode(text).slice(1, -1) }));
        expect(mismatches).toEqual([]);
    });

    it("wraps a sentence in [CLS] ... [SEP] and gives a word longer than 100 characters as one [UNK]", () => {
        expect(tokenizer.encode("hello")).toEqual([101, 7592, 102]);
        expect(tokenizer.encode(`${"a".repeat(101)} hello`)).toEqual([101, 100, 7592, 102]);
    });

    it("computes the exact GELU: x * Phi(x), with erf to about 1e-12", () => {
        // Phi(1), Phi(-2.5), Phi(4) from tables of the standard normal distribution
        expect(referenceMath.gelu(1)).toBeCloseTo(0.8413447460685429, 12);
        expect(referenceMath.gelu(-2.5)).toBeCloseTo(-2.5 * 0.006209665325776132, 12);
        expect(referenceMath.gelu(4)).toBeCloseTo(4 * 0.9999683287581669, 12);
    });
});
