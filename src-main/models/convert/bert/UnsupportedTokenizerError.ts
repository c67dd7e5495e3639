import { LocusError } from "@common/errors.js";

/** The tokenizer settings ask for something llama.cpp's WordPiece tokenizer does not do, so token ids would differ. */
export class UnsupportedTokenizerError extends LocusError {
    constructor(readonly configPath: string, detail: string) {
        super("unsupported", `${configPath}: ${detail}; llama.cpp's BERT tokenizer would split text differently ` +
            "from the model's own. Choose a model with a standard BERT WordPiece tokenizer.");
    }
}
