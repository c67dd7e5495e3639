import { LocusError } from "@common/errors.js";

/** The checkpoint is some other kind of model (a causal LM, another encoder family): no BERT GGUF can come of it. */
export class NotBertEncoderError extends LocusError {
    constructor(readonly checkpointDir: string, readonly found: string) {
        super("unsupported", `${checkpointDir} is not a checkpoint this converter can read: expected a BERT encoder ` +
            "(model_type \"bert\", sentence-transformers layout: config.json, model.safetensors with embeddings.* and " +
            `encoder.layer.N.* tensors, vocab.txt, 1_Pooling/config.json), found ${found}. ` +
            "Choose a BERT sentence-transformers model, or a model already published as GGUF.");
    }
}
