import { InvalidInputError } from "@common/errors.js";

/**
 * Vectors that cannot be compared with the library's: another model, another dimension, or no model
 * recorded yet. Mixing them would silently return wrong passages, so the write or query is refused.
 */
export class EmbeddingModelMismatchError extends InvalidInputError {
    constructor(expected: string, received: string) {
        super(
            `The library's vectors come from ${expected}, but these come from ${received}. ` +
                `Re-index the library with one embedding model.`
        );
    }
}
