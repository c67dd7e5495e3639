import { LocusError } from "@common/errors.js";

/** The sentence-transformers pooling cannot be expressed in llama.cpp's BERT graph, which pools by mean or [CLS]. */
export class UnsupportedPoolingError extends LocusError {
    constructor(readonly configPath: string, readonly modes: readonly string[]) {
        super("unsupported", `${configPath} asks for ${modes.length === 0 ? "no pooling mode" : `pooling "${modes.join("\" + \"")}"`}; ` +
            "llama.cpp embeds BERT models with exactly one of \"mean\" or \"cls\" pooling, so this model's vectors " +
            "cannot be reproduced. Choose a model that uses mean or CLS pooling.");
    }
}
