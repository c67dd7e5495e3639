import { LocusError } from "@common/errors.js";

/** vocab.txt and the word embedding table disagree: token ids would point at the wrong rows. */
export class VocabularySizeMismatchError extends LocusError {
    constructor(readonly vocabPath: string, readonly vocabTokens: number, readonly embeddingRows: number) {
        super("bad-model-file", `${vocabPath} lists ${vocabTokens} tokens but the word embedding table ` +
            `(embeddings.word_embeddings.weight) has ${embeddingRows} rows; they must match. ` +
            "The vocabulary probably belongs to another model: download the checkpoint again, whole.");
    }
}
