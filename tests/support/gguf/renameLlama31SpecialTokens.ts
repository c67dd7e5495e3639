/**
 * llama.cpp's ggml-vocab-llama-bpe.gguf is Llama 3.0's vocabulary. Llama 3.1 and 3.2 gave names to three of its
 * reserved control tokens and renumbered the remaining reserved names; BPE on ordinary text is unchanged.
 * Without `<|eom_id|>` node-llama-cpp will not match its Llama 3.x chat wrappers to the 3.2 chat template.
 */
const namedInLlama31: ReadonlyMap<number, string> = new Map([
    [128004, "<|finetune_right_pad_id|>"],
    [128008, "<|eom_id|>"],
    [128010, "<|python_tag|>"]
]);

/** First reserved id and the reserved-token numbering of Llama 3.1 (0, 1, then 2 at 128005, 3.. from 128011). */
const reservedIdsInLlama31: readonly [id: number, reservedNumber: number][] = [[128002, 0], [128003, 1], [128005, 2]];
const firstRenumberedId = 128011;
const firstRenumberedNumber = 3;

/** Returns a copy of a Llama 3.0 token list with Llama 3.1's special-token names. */
export function renameLlama31SpecialTokens(tokens: ArrayLike<string>): string[] {
    const renamed = Array.from(tokens);
    for (const [id, text] of namedInLlama31) renamed[id] = text;
    for (const [id, reservedNumber] of reservedIdsInLlama31) renamed[id] = `<|reserved_special_token_${reservedNumber}|>`;
    for (let id = firstRenumberedId; id < renamed.length; id++)
        renamed[id] = `<|reserved_special_token_${id - firstRenumberedId + firstRenumberedNumber}|>`;
    return renamed;
}
