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
    /** The file's header read from the hub (a path to it), when there is no local copy; null when unavailable. */
    remoteHeader?: () => Promise<string | null>;
    llama?: Llama;
};

const exists = (filePath: string) => access(filePath).then(() => true, () => false);

/**
 * Fit of one catalog model: from the GGUF header of a local copy, else of the file on the hub (read
 * remotely), else estimated from catalog metadata, which is also the answer when a header cannot be
 * used. `method` and `headerSource` in the result say which was used.
 */
export async function fitModel(request: FitModelRequest): Promise<FitResult> {
    const { entry, quant, contextSize, hardware, ggufPath } = request;
    const local = ggufPath !== undefined && (await exists(ggufPath)) ? ggufPath : null;
    const header = local ?? (await request.remoteHeader?.()) ?? null;
    if (header !== null) {
        try {
            return await estimateFitFromGguf({
                modelId: entry.id, quant: quant.quant, ggufPath: header, contextSize, hardware,
                embeddingContext: entry.kind === "embedding", llama: request.llama, headerSource: local !== null ? "file" : "hub"
            });
        } catch {
            // A header node-llama-cpp cannot read or resolve: the catalog's figures still give an answer.
        }
    }
    return estimateFitFromCatalog(entry, quant, contextSize, hardware);
}
