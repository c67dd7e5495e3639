import type { BertSpecialTokens } from "./bertCheckpointTypes.js";
import { CheckpointInvalidError } from "./CheckpointInvalidError.js";

/** llama.cpp's token types (llama.h `enum llama_token_type`) that a BERT vocabulary uses. */
export const llamaTokenType = { normal: 1, control: 3 } as const;

/** The token ids llama.cpp needs: [CLS] is prepended (as BOS), [SEP] appended, [UNK] for unknown words. */
export type BertSpecialTokenIds = { unk: number; sep: number; cls: number; pad: number | undefined; mask: number | undefined };

export type BertVocabulary = {
    /** Tokens in llama.cpp's WordPiece form, indexed by token id. */
    tokens: string[];
    tokenTypes: number[];
    specialIds: BertSpecialTokenIds;
};

/**
 * Turns vocab.txt's tokens into the form llama.cpp's WPM tokenizer matches against (convert_hf_to_gguf.py,
 * BertModel.set_vocab): a word start "hello" becomes "▁hello" (the tokenizer prefixes each word with the
 * "phantom space" ▁), a continuation "##lo" becomes "lo", and bracketed tokens ([CLS], [unused0]) stay as
 * they are, as in llama.cpp's reference BERT vocabulary (models/ggml-vocab-bert-bge.gguf). The special tokens
 * are CONTROL tokens; every other token is NORMAL.
 */
export function bertVocabulary(vocabTokens: readonly string[], specialTokens: BertSpecialTokens, vocabPath: string): BertVocabulary {
    const ids = new Map<string, number>();
    // BertTokenizer's vocabulary is a dict: a repeated token answers to its last line
    vocabTokens.forEach((token, id) => ids.set(token, id));
    const find = (key: keyof BertSpecialTokens, required: boolean): number | undefined => {
        const id = ids.get(specialTokens[key]);
        if (id == null && required)
            throw new CheckpointInvalidError(vocabPath, `it has no ${key} token "${specialTokens[key]}", which the tokenizer configuration names`);
        return id;
    };
    const specialIds: BertSpecialTokenIds = {
        unk: find("unk", true)!, sep: find("sep", true)!, cls: find("cls", true)!, pad: find("pad", false), mask: find("mask", false)
    };
    const control = new Set(Object.values(specialIds).filter((id) => id != null));

    const tokens = vocabTokens.map((token, id) => {
        if (control.has(id) || (token.startsWith("[") && token.endsWith("]"))) return token;
        if (token.startsWith("##")) return token.slice(2);
        return `\u2581${token}`;
    });
    const tokenTypes = vocabTokens.map((_, id) => (control.has(id) ? llamaTokenType.control : llamaTokenType.normal));
    return { tokens, tokenTypes, specialIds };
}
