import { readGgufFileInfo } from "node-llama-cpp";

/** The file type names llama.cpp writes in general.file_type, and their nominal bits per weight. */
const FILE_TYPES: Record<number, [string, number]> = {
    0: ["F32", 32], 1: ["F16", 16], 2: ["Q4_0", 4.5], 3: ["Q4_1", 5], 7: ["Q8_0", 8.5], 8: ["Q5_0", 5.5], 9: ["Q5_1", 6],
    10: ["Q2_K", 2.6], 11: ["Q3_K_S", 3.5], 12: ["Q3_K_M", 3.9], 13: ["Q3_K_L", 4.3], 14: ["Q4_K_S", 4.6], 15: ["Q4_K_M", 4.9],
    16: ["Q5_K_S", 5.5], 17: ["Q5_K_M", 5.7], 18: ["Q6_K", 6.6], 32: ["BF16", 16]
};

/** A GGUF's quantization by name and nominal bits per weight, from its header; null when unknown. */
export async function quantizationOf(filePath: string): Promise<{ name: string; bitsPerWeight: number } | null> {
    const info = await readGgufFileInfo(filePath, { logWarnings: false, readTensorInfo: false }).catch(() => null);
    const fileType = (info?.metadata as { general?: { file_type?: unknown } } | undefined)?.general?.file_type;
    const known = typeof fileType === "number" ? FILE_TYPES[fileType] : undefined;
    return known == null ? null : { name: known[0], bitsPerWeight: known[1] };
}

/**
 * The lower-bit copy worth measuring for a file, when it has bits to spare: 16-32 bits -> Q8_0, 5.5-8.5 ->
 * Q4_0, 4.5-5.5 -> Q3_K_M. Below that a copy loses too much to be worth a learning run.
 */
export function lowerBitTarget(bitsPerWeight: number): "Q8_0" | "Q4_0" | "Q3_K_M" | null {
    if (bitsPerWeight >= 16) return "Q8_0";
    if (bitsPerWeight >= 5.5) return "Q4_0";
    if (bitsPerWeight >= 4.6) return "Q3_K_M";
    return null;
}
