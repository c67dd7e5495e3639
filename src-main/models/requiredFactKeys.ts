import type { CatalogEntry } from "./catalogSchema.js";

/** The facts every entry must declare as verified or unverified; the catalog test checks each one. */
export function requiredFactKeys(entry: CatalogEntry): string[] {
    const keys = ["revision", "parameterCount", "contextLength", "license", "languages"];
    if (entry.embeddingDimension !== undefined) keys.push("embeddingDimension");
    if (entry.prompts !== undefined) keys.push("prompts");
    if (entry.architecture !== undefined)
        keys.push(...["layers", "kvHeads", "headDim", "hiddenSize"].map((name) => `architecture.${name}`));
    for (const quant of entry.quants)
        keys.push(...["file", "sizeBytes", "sha256"].map((name) => `quants.${quant.quant}.${name}`));
    return keys;
}
