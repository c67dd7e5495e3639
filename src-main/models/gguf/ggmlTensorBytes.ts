import { GgufFormatError } from "./GgufFormatError.js";
import { ggmlTypeLayout, GgmlType } from "./ggufTypes.js";

/** Bytes of a tensor's data (ggml_nbytes for a contiguous tensor); rows must hold whole blocks. */
export function ggmlTensorBytes(dims: readonly number[], type: GgmlType): number {
    const { blockSize, blockBytes } = ggmlTypeLayout[type];
    const rowLength = dims[0] ?? 1;
    if (rowLength % blockSize !== 0)
        throw new GgufFormatError(`a ${GgmlType[type]} row needs a multiple of ${blockSize} elements, got ${rowLength}`);
    const elements = dims.reduce((product, dim) => product * dim, 1);
    return (elements / blockSize) * blockBytes;
}

export function alignTo(value: number, alignment: number): number {
    return Math.ceil(value / alignment) * alignment;
}
