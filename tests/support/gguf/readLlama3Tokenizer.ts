import fs from "node:fs/promises";
import path from "node:path";
import { GgufFormatError } from "../../../src-main/models/gguf/GgufFormatError.js";
import { GgufValueType, type GgufValue } from "../../../src-main/models/gguf/ggufTypes.js";
import { ggufValue } from "../../../src-main/models/gguf/ggufValue.js";
import { readGgufFile } from "./readGgufFile.js";
import { renameLlama31SpecialTokens } from "./renameLlama31SpecialTokens.js";

export type Llama3Tokenizer = {
    /** The vocab file's `tokenizer.*` keys, exact types kept (Llama 3.1 token names, Instruct EOS), and the chat template. */
    kvs: [string, GgufValue][],
    vocabSize: number
};

/**
 * Vocab-only GGUF and chat template, both shipped in the llama.cpp sources of node-llama-cpp's bundle.
 * Their content is part of the synthetic models' cache key.
 */
export const llama3VocabFile = path.join("models", "ggml-vocab-llama-bpe.gguf");
export const llama3ChatTemplateFile = path.join("models", "templates", "meta-llama-Llama-3.2-3B-Instruct.jinja");

/** `<|eot_id|>`: Llama 3.x Instruct GGUFs end turns with it, where the base vocab file says `<|end_of_text|>`. */
const instructEosTokenId = 128009;

/** Reads the real Llama 3 tokenizer (128256 tokens, 280147 merges) from a llama.cpp source folder. */
export async function readLlama3Tokenizer(llamaSourceDir: string): Promise<Llama3Tokenizer> {
    const vocabPath = path.join(llamaSourceDir, llama3VocabFile);
    const templatePath = path.join(llamaSourceDir, llama3ChatTemplateFile);
    const header = readGgufFile(vocabPath);
    const kvs = [...header.kvs].filter(([key]) => key.startsWith("tokenizer."));

    const tokens = header.kvs.get("tokenizer.ggml.tokens");
    if (tokens?.type !== GgufValueType.Array || tokens.itemType !== GgufValueType.String)
        throw new GgufFormatError("the vocab file has no tokenizer.ggml.tokens string array", vocabPath);

    const overrides = new Map<string, GgufValue>([
        ["tokenizer.ggml.tokens", ggufValue.strings(renameLlama31SpecialTokens(tokens.items))],
        ["tokenizer.ggml.eos_token_id", ggufValue.u32(instructEosTokenId)],
        ["tokenizer.chat_template", ggufValue.str(await fs.readFile(templatePath, "utf8"))]
    ]);
    const merged = kvs.map(([key, value]): [string, GgufValue] => [key, overrides.get(key) ?? value]);
    for (const [key, value] of overrides) if (!header.kvs.has(key)) merged.push([key, value]);
    return { kvs: merged, vocabSize: tokens.items.length };
}
