import { InvalidInputError } from "@common/errors.js";

/** An embedding dimension Locus will not make a vector table for (it becomes part of a table name). */
export class InvalidEmbeddingDimensionError extends InvalidInputError {
    constructor(readonly dimension: unknown) {
        super(
            `The embedding model reports ${String(dimension)} dimensions; Locus supports whole numbers from ` +
                `8 to 8192. Choose another embedding model.`
        );
    }
}
