import type { CatalogListing, RecommendRequest } from "@common/contract/setupTypes.js";
import type { FitResult, HardwareProfile, Recommendation } from "@common/setup/types.js";
import { NotFoundError } from "@common/errors.js";
import type { HardwareProbe } from "../hardware/HardwareProbe.js";
import type { Catalog, CatalogEntry, CatalogQuant } from "../models/catalogSchema.js";
import { recommend } from "../recommend/recommend.js";
import { estimateFitFromCatalog } from "../recommend/fit/estimateFitFromCatalog.js";

/** Looks up which catalog files are already on this computer (downloaded or imported). */
export type InstalledLookup = (catalogId: string, quant: string) => string | null;

/**
 * The resource-aware setup: what this computer has, how each catalog model fits, and the recommended
 * configuration with its reasons. Hardware is probed once and cached (RAM changes are not worth a re-probe
 * on every keystroke in Settings); `refresh` probes again.
 */
export class SetupService {
    #hardware: Promise<HardwareProfile> | null = null;

    constructor(
        private readonly probe: HardwareProbe,
        private readonly catalog: () => Catalog,
        private readonly installed: InstalledLookup,
        private readonly indexedTokens: () => number
    ) {}

    hardware(refresh = false): Promise<HardwareProfile> {
        if (refresh || this.#hardware == null) this.#hardware = this.probe.probe();
        return this.#hardware;
    }

    async listCatalog(contextSize = 4096): Promise<CatalogListing[]> {
        const hardware = await this.hardware();
        return this.catalog().models.map((entry) => ({
            id: entry.id,
            kind: entry.kind,
            displayName: entry.displayName,
            family: entry.family,
            parameterCount: entry.parameterCount ?? null,
            contextLength: entry.contextLength ?? null,
            embeddingDimension: entry.embeddingDimension ?? null,
            license: entry.license ?? null,
            quants: entry.quants.map((quant) => ({
                quant: quant.quant,
                fileName: quant.file,
                sizeBytes: quant.sizeBytes ?? null,
                fit: estimateFitFromCatalog(entry, quant, Math.min(contextSize, entry.contextLength ?? contextSize), hardware),
                hashKnown: quant.sha256 != null,
                installedModelId: this.installed(entry.id, quant.quant)
            }))
        }));
    }

    async fit(catalogId: string, quant: string, contextSize: number): Promise<FitResult> {
        const { entry, file } = this.find(catalogId, quant);
        return estimateFitFromCatalog(entry, file, contextSize, await this.hardware());
    }

    async recommend(request: RecommendRequest): Promise<Recommendation> {
        return recommend({
            hardware: await this.hardware(),
            indexedTokens: this.indexedTokens(),
            difficulty: request.difficulty,
            learningBudgetMinutes: request.learningBudgetMinutes,
            latency: request.latency,
            models: this.catalog().models
        });
    }

    find(catalogId: string, quant: string): { entry: CatalogEntry; file: CatalogQuant } {
        const entry = this.catalog().models.find((model) => model.id === catalogId);
        const file = entry?.quants.find((q) => q.quant === quant);
        if (entry == null || file == null)
            throw new NotFoundError(`The catalog has no ${quant} file for "${catalogId}".`);
        return { entry, file };
    }
}
