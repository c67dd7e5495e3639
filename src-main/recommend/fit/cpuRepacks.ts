import { GgmlType } from "node-llama-cpp";

const has = (features: readonly string[], ...names: string[]) => names.some((name) => features.includes(name));

/** Bytes per block and weights per block of the types the CPU backend can repack. */
const blockLayout: Partial<Record<GgmlType, { bytes: number; weights: number }>> = {
    [GgmlType.Q4_0]: { bytes: 18, weights: 32 },
    [GgmlType.IQ4_NL]: { bytes: 18, weights: 32 },
    [GgmlType.Q8_0]: { bytes: 34, weights: 32 },
    [GgmlType.Q2_K]: { bytes: 84, weights: 256 },
    [GgmlType.Q4_K]: { bytes: 144, weights: 256 },
    [GgmlType.Q5_K]: { bytes: 176, weights: 256 },
    [GgmlType.Q6_K]: { bytes: 210, weights: 256 }
};

/**
 * Whether the CPU backend of the bundled llama.cpp repacks a weight matrix of this type into its own
 * interleaved layout (ggml-cpu/repack.cpp, `ggml_repack_get_optimal_repack_type`), given the CPU's
 * features and the matrix's row count. A repacked matrix lives in a buffer of its own.
 */
export function cpuRepacks(type: GgmlType, rows: number, features: readonly string[]): boolean {
    const x86 = has(features, "avx2");
    const dotprod = has(features, "dotprod", "asimddp");
    const i8mm = has(features, "i8mm");
    switch (type) {
        case GgmlType.Q4_0:
            return (x86 && rows % 8 === 0) || ((i8mm || dotprod) && rows % 4 === 0);
        case GgmlType.Q4_K:
            return (x86 || i8mm || dotprod) && rows % 8 === 0;
        case GgmlType.IQ4_NL:
            return (x86 && rows % 8 === 0) || (dotprod && rows % 4 === 0);
        case GgmlType.Q2_K:
            return has(features, "avx512f") && rows % 8 === 0;
        case GgmlType.Q5_K:
        case GgmlType.Q6_K:
            return (i8mm || dotprod) && rows % 8 === 0;
        case GgmlType.Q8_0:
            return (i8mm || dotprod) && rows % 4 === 0;
        default:
            return false;
    }
}

/** Bytes of a matrix of a repackable type; 0 for other types. */
export function repackableMatrixBytes(type: GgmlType, weights: number): number {
    const layout = blockLayout[type];
    return layout === undefined ? 0 : Math.ceil(weights / layout.weights) * layout.bytes;
}
