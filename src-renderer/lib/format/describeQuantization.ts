import { formatBytes } from "./formatBytes.js";

/** What a quantization file is, as far as plain words need: its name, file size and the model's parameters. */
export type QuantizationFacts = { quant: string; sizeBytes: number | null; parameterCount: number | null };

/** Nominal bits per weight of common GGUF types (llama.cpp's own figures, rounded). */
const nominalBits: Readonly<Record<string, number>> = {
    F32: 32, F16: 16, BF16: 16,
    Q8_0: 8.5, Q6_K: 6.6, Q5_K_M: 5.7, Q5_K_S: 5.5, Q5_0: 5.5, Q5_1: 6,
    Q4_K_M: 4.8, Q4_K_S: 4.6, Q4_0: 4.5, Q4_1: 5, IQ4_NL: 4.5, IQ4_XS: 4.3,
    Q3_K_L: 4.3, Q3_K_M: 3.9, Q3_K_S: 3.5, IQ3_M: 3.7, IQ3_XS: 3.3, Q2_K: 3.0, IQ2_M: 2.7, IQ2_XS: 2.3
};

/** Bits per weight the file actually spends (size over parameters), else the type's nominal figure. */
export function bitsPerWeight(facts: QuantizationFacts): number | null {
    const { sizeBytes, parameterCount } = facts;
    if (sizeBytes !== null && parameterCount !== null && sizeBytes > 0 && parameterCount > 0) return (sizeBytes * 8) / parameterCount;
    return nominalBits[facts.quant.toUpperCase()] ?? null;
}

/**
 * How much answer quality the compression costs. Judged from the type's nominal bits when known:
 * a small model's file also carries a large word table, which inflates its effective figure.
 */
export function qualityLoss(facts: QuantizationFacts): string | null {
    const bits = nominalBits[facts.quant.toUpperCase()] ?? bitsPerWeight(facts);
    if (bits === null) return null;
    if (bits >= 15) return "no loss of quality";
    if (bits >= 7.5) return "almost no loss of quality";
    if (bits >= 5.5) return "very small loss of quality";
    if (bits >= 4.4) return "small loss of quality";
    if (bits >= 3.5) return "noticeable loss of quality";
    return "large loss of quality";
}

/** "compressed to about 4.8 bits per weight: 2.5 GB, small loss of quality" */
export function describeQuantization(facts: QuantizationFacts): string {
    const bits = bitsPerWeight(facts);
    const nominal = nominalBits[facts.quant.toUpperCase()];
    const how = nominal !== undefined && nominal >= 15
        ? `full precision (${nominal} bits per weight)`
        : bits !== null
            ? `compressed to about ${bits.toFixed(1)} bits per weight`
            : `stored as ${facts.quant}`;
    const details = [facts.sizeBytes !== null ? formatBytes(facts.sizeBytes) : null, qualityLoss(facts)].filter(Boolean);
    return details.length > 0 ? `${how}: ${details.join(", ")}` : how;
}
