/**
 * Puts back the row order of a Q or K projection (or of a LoRA B matrix, whose rows are that projection's
 * outputs) that llama.cpp's converter changed for its rope: per head, Hugging Face keeps the two halves of
 * the head's rows apart (`h*d + p*d/2 + i`), GGUF interleaves them (`h*d + 2i + p`). `rows` holds
 * `rowCount` rows of `rowLength` floats.
 */
export function unpermuteRows(rows: Float32Array, rowCount: number, rowLength: number, heads: number): Float32Array {
    const headSize = rowCount / heads;
    if (!Number.isInteger(headSize) || headSize % 2 !== 0)
        throw new Error(`${rowCount} rows do not split into ${heads} heads of an even size`);
    const half = headSize / 2;
    const out = new Float32Array(rows.length);
    for (let head = 0; head < heads; head++)
        for (let i = 0; i < half; i++)
            for (let part = 0; part < 2; part++) {
                const from = (head * headSize + 2 * i + part) * rowLength;
                const to = (head * headSize + part * half + i) * rowLength;
                out.set(rows.subarray(from, from + rowLength), to);
            }
    return out;
}
