import { LocusError } from "@common/errors.js";

/** A sentence-transformers module after pooling (Dense, another LayerNorm…) that llama.cpp would silently skip. */
export class UnsupportedModuleError extends LocusError {
    constructor(readonly modulesPath: string, readonly moduleType: string) {
        super("unsupported", `${modulesPath} lists a ${moduleType} module, which llama.cpp cannot run after pooling: ` +
            "the GGUF would give other vectors than the model does. Choose a model whose modules are only " +
            "Transformer, Pooling and Normalize.");
    }
}
