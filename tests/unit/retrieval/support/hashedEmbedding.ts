/**
 * A deterministic stand-in for an embedding model: a hashed bag of words, so "semantic" neighbours are
 * predictable. Words listed in `concepts` map to a shared concept first, which lets a test show the
 * vector path finding a passage that shares no word with the query (e.g. "automobile" -> "car").
 */
export function hashedEmbedding(text: string, dimension = 64, concepts: Readonly<Record<string, string>> = {}): Float32Array {
    const vector = new Float32Array(dimension);
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
        const hash = fnv1a(concepts[word] ?? word);
        vector[hash % dimension]! += (hash >>> 31) === 0 ? 1 : -1;
    }
    // An empty text still needs a valid (non-zero) vector.
    if (vector.every((value) => value === 0)) vector[0] = 1;
    return vector;
}

function fnv1a(text: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash;
}
