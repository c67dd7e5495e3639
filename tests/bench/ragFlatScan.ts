/**
 * Exact nearest neighbours by brute force in JS: the dot product of the query with every row of a
 * packed Float32Array of unit vectors (4 accumulators, so V8 keeps the loop tight), keeping the top k
 * in a small sorted array. It is both the latency baseline and the ground truth for recall.
 * Returns row indexes, best first.
 */
export function ragFlatScan(vectors: Float32Array, dimension: number, query: Float32Array, k: number): number[] {
    const rows = vectors.length / dimension;
    const bestScores: number[] = [];
    const bestRows: number[] = [];
    const tail = dimension - (dimension % 4);
    for (let row = 0, offset = 0; row < rows; row++, offset += dimension) {
        let a = 0, b = 0, c = 0, d = 0;
        let i = 0;
        for (; i < tail; i += 4) {
            a += vectors[offset + i]! * query[i]!;
            b += vectors[offset + i + 1]! * query[i + 1]!;
            c += vectors[offset + i + 2]! * query[i + 2]!;
            d += vectors[offset + i + 3]! * query[i + 3]!;
        }
        for (; i < dimension; i++) a += vectors[offset + i]! * query[i]!;
        const score = a + b + c + d;
        if (bestScores.length === k && score <= bestScores[k - 1]!) continue;
        let at = bestScores.length;
        while (at > 0 && bestScores[at - 1]! < score) at--;
        bestScores.splice(at, 0, score);
        bestRows.splice(at, 0, row);
        if (bestScores.length > k) {
            bestScores.pop();
            bestRows.pop();
        }
    }
    return bestRows;
}
