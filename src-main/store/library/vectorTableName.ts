import { assertEmbeddingDimension, maxEmbeddingDimension, minEmbeddingDimension } from "./assertEmbeddingDimension.js";

/**
 * The vec0 table holding vectors of one dimension. A table name cannot be a bound parameter, so this is
 * the one place SQL text depends on a value: a validated integer, never anything a person typed.
 */
export function vectorTableName(dimension: number): string {
    assertEmbeddingDimension(dimension);
    return `vec_chunks_${dimension}`;
}

/** Reads the dimension back from a table name found in sqlite_master; undefined for any other name. */
export function dimensionOfVectorTable(name: string): number | undefined {
    const match = /^vec_chunks_([1-9][0-9]{0,4})$/.exec(name);
    if (match == null) return undefined;
    const dimension = Number(match[1]);
    return dimension >= minEmbeddingDimension && dimension <= maxEmbeddingDimension ? dimension : undefined;
}
