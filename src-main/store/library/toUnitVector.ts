import { InvalidInputError } from "@common/errors.js";

/**
 * Copies a vector into a Float32Array of unit length. Stored and query vectors are both unit length, so
 * the vector index can rank by L2 distance (its fastest kernel) and still rank exactly by cosine.
 */
export function toUnitVector(vector: ArrayLike<number>): Float32Array {
    const unit = Float32Array.from(vector);
    let squares = 0;
    for (const value of unit) squares += value * value;
    const norm = Math.sqrt(squares);
    if (!Number.isFinite(norm) || norm === 0)
        throw new InvalidInputError("An embedding vector is empty, zero or not finite; the embedding model returned garbage.");
    for (let i = 0; i < unit.length; i++) unit[i] = unit[i]! / norm;
    return unit;
}
