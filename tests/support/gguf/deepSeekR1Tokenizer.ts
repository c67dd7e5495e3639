import fs from "node:fs/promises";
import path from "node:path";
import { GgufValueType, type GgufValue } from "../../../src-main/models/gguf/ggufTypes.js";
import { ggufValue } from "../../../src-main/models/gguf/ggufValue.js";
import type { Llama3Tokenizer } from "./readLlama3Tokenizer.js";

/** DeepSeek-R1-Distill-Llama's chat template, shipped in the llama.cpp sources. */
export const deepSeekR1ChatTemplateFile = path.join("models", "templates", "deepseek-ai-DeepSeek-R1-Distill-Llama-8B.jinja");

/**
 * DeepSeek-R1-Distill-Llama keeps Llama 3's BPE vocabulary and renames some of its reserved control tokens,
 * its thinking markers among them; these ids are the distilled model's own.
 */
export const deepSeekR1SpecialTokens = {
    "<｜begin▁of▁sentence｜>": 128000,
    "<｜end▁of▁sentence｜>": 128001,
    "<｜User｜>": 128011,
    "<｜Assistant｜>": 128012,
    "<think>": 128013,
    "</think>": 128014,
    "<｜▁pad▁｜>": 128015
} as const;

/** The Llama 3 tokenizer turned into DeepSeek-R1-Distill-Llama's: renamed control tokens, its end of sentence, its chat template. */
export async function deepSeekR1Tokenizer(llama3: Llama3Tokenizer, llamaSourceDir: string): Promise<Llama3Tokenizer> {
    const template = await fs.readFile(path.join(llamaSourceDir, deepSeekR1ChatTemplateFile), "utf8");
    const kvs = llama3.kvs.map(([key, value]): [string, GgufValue] => {
        if (key === "tokenizer.ggml.tokens" && value.type === GgufValueType.Array && value.itemType === GgufValueType.String) {
            const tokens = Array.from(value.items);
            for (const [text, id] of Object.entries(deepSeekR1SpecialTokens)) tokens[id] = text;
            return [key, ggufValue.strings(tokens)];
        }
        if (key === "tokenizer.ggml.eos_token_id") return [key, ggufValue.u32(deepSeekR1SpecialTokens["<｜end▁of▁sentence｜>"])];
        if (key === "tokenizer.chat_template") return [key, ggufValue.str(template)];
        return [key, value];
    });
    return { kvs, vocabSize: llama3.vocabSize };
}
