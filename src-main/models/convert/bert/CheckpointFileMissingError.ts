import { LocusError } from "@common/errors.js";

/** A file the checkpoint folder must hold is not there. */
export class CheckpointFileMissingError extends LocusError {
    constructor(readonly filePath: string, readonly purpose: string) {
        super("not-found", `Missing ${purpose}: ${filePath}. Point the converter at a sentence-transformers BERT folder ` +
            "(config.json, model.safetensors, vocab.txt, tokenizer_config.json, 1_Pooling/config.json), downloaded whole.");
    }
}
