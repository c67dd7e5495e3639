import { ModelTooLargeError } from "@common/errors.js";
import type { ModelChoice } from "@common/setup/types.js";
import type { CatalogEntry, CatalogQuant } from "../models/catalogSchema.js";
import { estimateFitFromCatalog } from "./fit/estimateFitFromCatalog.js";
import type { RecommendInput } from "./recommendTypes.js";

const GiB = 1024 ** 3;
/** Above this many tokens, embedding time on a CPU dominates indexing, so the smallest embedder wins. */
const largeCorpusTokens = 5_000_000;

type Preference = { id: string; quant: string; reason: string };

/**
 * Every passage is embedded once at indexing and every question at query time. On a processor the
 * embedder's size sets how long indexing takes; with a GPU a larger, multilingual one is affordable.
 */
function preferences(input: RecommendInput): Preference[] {
    const hardware = input.hardware;
    const smallMachine = hardware.gpu.type === false && (hardware.ramTotalBytes <= 8 * GiB || hardware.cpu.mathCores <= 4);
    const small: Preference = {
        id: "bge-small-en-v1.5", quant: "Q8_0",
        reason: "BGE small is tiny (37 MB) and quick on a processor, so indexing your documents stays fast; it is best with English text."
    };
    const balanced: Preference = {
        id: "nomic-embed-text-v1.5", quant: "Q8_0",
        reason: "Nomic Embed reads long passages (up to 8,192 tokens) and finds them well, at a size a laptop indexes comfortably."
    };
    const strong: Preference = {
        id: "qwen3-embedding-0.6b", quant: "Q8_0",
        reason: "Qwen3 Embedding finds passages best and understands 100+ languages; your GPU makes its larger size affordable."
    };
    if (smallMachine || input.latency === "fast" || (hardware.gpu.type === false && input.indexedTokens > largeCorpusTokens))
        return [small, balanced];
    if (hardware.gpu.type !== false && input.latency === "quality") return [strong, balanced, small];
    return [balanced, small];
}

export function chooseEmbeddingModel(input: RecommendInput): { choice: ModelChoice; reason: string } {
    for (const preference of preferences(input)) {
        const entry = input.models.find((model: CatalogEntry) => model.id === preference.id && model.kind === "embedding");
        const quant = entry?.quants.find((candidate: CatalogQuant) => candidate.quant === preference.quant);
        if (entry === undefined || quant === undefined) continue;
        if (estimateFitFromCatalog(entry, quant, 512, input.hardware).label === "too large for this computer") continue;
        return {
            choice: { modelId: entry.id, displayName: entry.displayName, quant: quant.quant, fileName: quant.file, sizeBytes: quant.sizeBytes },
            reason: preference.reason
        };
    }
    throw new ModelTooLargeError("No embedding model in the catalog fits this computer. Free some memory and try again.");
}
