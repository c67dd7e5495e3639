/**
 * How many passages a chat model is given, and in what form. Measured on the quality corpus with the
 * 135M starter model (tests/quality): given every passage that fits the context it answered 7 of 36
 * questions right, copying file names and drifting between look-alike facts; given the two passages whose
 * best sentences match the question best, three sentences each, it answered 24 of 36. Larger models
 * read whole passages well and gain from seeing more of them.
 */
export type SourcePlan = {
    /** Passages in the prompt at most (the token budget may allow fewer). */
    maxSources: number;
    /** Keep only this many sentences of each passage, those closest to the question, in their order; null: whole passages. */
    sentencesPerSource: number | null;
    /** Show each source's file, page and headings above its text (small models copy them into the answer). */
    headers: boolean;
};

export function sourcePlanFor(parameterCount: number | null): SourcePlan {
    if (parameterCount != null && parameterCount > 0 && parameterCount < 500e6) return { maxSources: 2, sentencesPerSource: 3, headers: false };
    if (parameterCount != null && parameterCount > 0 && parameterCount < 2e9) return { maxSources: 6, sentencesPerSource: null, headers: true };
    return { maxSources: 12, sentencesPerSource: null, headers: true };
}
