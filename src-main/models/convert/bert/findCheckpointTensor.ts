import type { SafetensorsEntry } from "./SafetensorsFile.js";

/**
 * The checkpoint's entry for a canonical BERT tensor name. Checkpoints saved from BertForMaskedLM and the
 * like prefix the encoder with "bert.", and old TensorFlow exports name LayerNorm parameters gamma/beta.
 */
export function findCheckpointTensor(entries: ReadonlyMap<string, SafetensorsEntry>, name: string): SafetensorsEntry | undefined {
    const legacy = name.replace(/LayerNorm\.weight$/, "LayerNorm.gamma").replace(/LayerNorm\.bias$/, "LayerNorm.beta");
    for (const candidate of [name, `bert.${name}`, legacy, `bert.${legacy}`]) {
        const entry = entries.get(candidate);
        if (entry != null) return entry;
    }
    return undefined;
}
