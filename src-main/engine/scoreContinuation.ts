import type { ControlledEvaluateInputItem, LlamaContextSequence, Token } from "node-llama-cpp";

export type ContinuationScore = {
    /** Sum of the natural-log probabilities of the continuation's tokens, each given everything before it. */
    logProb: number;
    tokens: number;
    /** Each token's log probability, in order. */
    tokenLogProbs: number[];
};

/**
 * How likely the model finds `continuation` right after `prefix`: one forward pass over both (the
 * sequence's history is cleared first), reading at each position only the logit of the token that
 * follows, the top logit and the sum of exp(logit - top), so no vocabulary-sized map is built.
 * (node-llama-cpp's `includeMax` filter option returns nothing here; `includeTop: 1` gives the top logit.)
 */
export async function scoreContinuation(
    sequence: LlamaContextSequence, prefix: readonly Token[], continuation: readonly Token[]
): Promise<ContinuationScore> {
    if (prefix.length === 0) throw new Error("scoreContinuation needs at least one prefix token (the model's start token will do).");
    if (continuation.length === 0) return { logProb: 0, tokens: 0, tokenLogProbs: [] };
    await sequence.clearHistory();
    const all = [...prefix, ...continuation];
    const firstScored = prefix.length - 1;
    const input: ControlledEvaluateInputItem[] = all.map((token, index) => {
        const next = all[index + 1];
        if (index < firstScored || next == null) return token;
        return [token, { generateNext: { logits: { filter: { tokens: [next], includeTop: 1 } }, totalLogitWeight: true } }];
    });
    const output = await sequence.controlledEvaluate(input);
    const tokenLogProbs: number[] = [];
    for (let index = firstScored; index < all.length - 1; index++) {
        const next = output[index]?.next;
        const logit = next?.logits?.get(all[index + 1]!);
        if (next?.logits == null || logit == null || next.totalLogitWeight == null)
            throw new Error(`The model returned no logits for position ${index}.`);
        const max = Math.max(...next.logits.values());
        tokenLogProbs.push(logit - max - Math.log(next.totalLogitWeight));
    }
    await sequence.clearHistory();
    return { logProb: tokenLogProbs.reduce((sum, value) => sum + value, 0), tokens: tokenLogProbs.length, tokenLogProbs };
}
