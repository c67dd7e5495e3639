import { access } from "node:fs/promises";
import type { Llama } from "node-llama-cpp";
import type { FitResult, HardwareProfile } from "@common/setup/types.js";
import type { CatalogEntry, CatalogQuant } from "../../models/catalogSchema.js";
import { estimateFitFromCatalog } from "./estimateFitFromCatalog.js";
import { estimateFitFromGguf } from "./estimateFitFromGguf.js";

export type FitModelRequest = {
    entry: CatalogEntry;
    quant: CatalogQuant;
    contextSize: number;
    hardware: HardwareProfile;
    /** A local copy of the file (downloaded or imported): its header gives node-llama-cpp's exact estimate. */
    ggufPath?: string;
    llama?: Llama;
};

/**
 * Fit of one catalog model: from the GGUF header when a local copy exists, otherwise estimated from
 * catalog metadata. `method` in the result says which was used.
 */
export async function fitModel(request: FitModelRequest): Promise<FitResult> {
    const { entry, quant, contextSize, hardware, ggufPath } = request;
    if (ggufPath !== undefined && (await access(ggufPath).then(() => true, () => false))) {
        return estimateFitFromGguf({
            modelId: entry.id, quant: quant.quant, ggufPath, contextSize, hardware,
            embeddingContext: entry.kind === "embedding", llama: request.llama
        });
    }
    return estimateFitFromCatalog(entry, quant, contextSize, hardware);
}
