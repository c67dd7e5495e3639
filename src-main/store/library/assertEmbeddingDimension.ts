import { InvalidEmbeddingDimensionError } from "./InvalidEmbeddingDimensionError.js";

/** Below this nothing useful embeds; above it no current model reaches, and a row would be huge. */
export const minEmbeddingDimension = 8;
export const maxEmbeddingDimension = 8192;

/** Throws unless `dimension` is a whole number in the supported range. */
export function assertEmbeddingDimension(dimension: unknown): asserts dimension is number {
    if (!Number.isSafeInteger(dimension) || (dimension as number) < minEmbeddingDimension || (dimension as number) > maxEmbeddingDimension)
        throw new InvalidEmbeddingDimensionError(dimension);
}
