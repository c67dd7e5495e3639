/** The reranker returned something other than one finite score per passage: a bug in the hook, not in the query. */
export class RerankerOutputError extends Error {
    constructor(expected: number, received: number) {
        super(`The reranker returned ${received} scores for ${expected} passages, or a score that is not a finite number.`);
        this.name = "RerankerOutputError";
    }
}
