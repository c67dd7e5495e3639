import fs from "node:fs/promises";
import path from "node:path";
import { tokenizerConfigSchema } from "./bertCheckpointSchemas.js";
import type { BertSpecialTokens, BertTokenizerSettings } from "./bertCheckpointTypes.js";
import { readCheckpointJson } from "./readCheckpointJson.js";
import { UnsupportedTokenizerError } from "./UnsupportedTokenizerError.js";

const defaultSpecialTokens: BertSpecialTokens = { unk: "[UNK]", sep: "[SEP]", pad: "[PAD]", cls: "[CLS]", mask: "[MASK]" };

/**
 * The tokenizer's normalisation and special tokens, from tokenizer_config.json (special_tokens_map.json fills
 * in token names it lacks), with BertTokenizer's defaults. Required, because casing changes every token id.
 */
export async function readBertTokenizerSettings(checkpointDir: string): Promise<BertTokenizerSettings> {
    const configPath = path.join(checkpointDir, "tokenizer_config.json");
    const config = await readCheckpointJson(configPath, "tokenizer configuration (tokenizer_config.json)", tokenizerConfigSchema);
    const mapPath = path.join(checkpointDir, "special_tokens_map.json");
    const map = await fs.access(mapPath).then(
        () => readCheckpointJson(mapPath, "special token names (special_tokens_map.json)", tokenizerConfigSchema),
        () => ({} as Partial<Record<`${keyof BertSpecialTokens}_token`, string>>)
    );

    if (config.tokenizer_class != null && !/^Bert(Tokenizer|TokenizerFast)$/.test(config.tokenizer_class))
        throw new UnsupportedTokenizerError(configPath, `tokenizer_class is ${config.tokenizer_class}, not BertTokenizer`);
    // llama.cpp always splits CJK characters and punctuation apart, as BERT's basic tokenizer does by default
    if (config.tokenize_chinese_chars === false) throw new UnsupportedTokenizerError(configPath, "tokenize_chinese_chars is false");
    if (config.do_basic_tokenize === false) throw new UnsupportedTokenizerError(configPath, "do_basic_tokenize is false");

    const lowercase = config.do_lower_case ?? true;
    const specialTokens = { ...defaultSpecialTokens };
    for (const key of Object.keys(defaultSpecialTokens) as (keyof BertSpecialTokens)[])
        specialTokens[key] = config[`${key}_token`] ?? map[`${key}_token`] ?? defaultSpecialTokens[key];
    // BertTokenizer strips accents when it lowercases, unless strip_accents says otherwise
    return { lowercase, stripAccents: config.strip_accents ?? lowercase, specialTokens };
}
