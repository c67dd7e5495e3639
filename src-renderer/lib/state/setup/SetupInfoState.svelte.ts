import type { CatalogListing, CatalogQuantListing, LocusApi } from "@common/contract";
import type { HardwareProfile } from "@common/setup/types.js";

/** What this computer has and what the catalog offers for it: read once, shared by the wizard and Settings. */
export class SetupInfoState {
    hardware = $state<HardwareProfile | null>(null);
    hardwareProblem = $state<string | null>(null);
    /** Every catalog model, each quantization with its fit at the default context size. */
    catalog = $state<CatalogListing[]>([]);

    readonly #api: LocusApi;
    #hardwareTicket = 0;

    constructor(api: LocusApi) {
        this.#api = api;
    }

    async loadHardware(refresh = false): Promise<void> {
        if (this.hardware && !refresh) return;
        const ticket = ++this.#hardwareTicket;
        const result = await this.#api.setup.hardware(refresh ? { refresh } : {});
        if (ticket !== this.#hardwareTicket) return;
        if (result.ok) {
            this.hardware = result.value;
            this.hardwareProblem = null;
        } else {
            this.hardwareProblem = result.error.message;
        }
    }

    /**
     * The wizard uses the catalog only for details (parameter counts, files already here), so a failure
     * keeps the last list rather than interrupting the person; Settings reads it itself and says why.
     */
    async loadCatalog(): Promise<void> {
        const result = await this.#api.setup.catalog({});
        if (result.ok) this.catalog = result.value;
    }

    model(catalogId: string): CatalogListing | undefined {
        return this.catalog.find((model) => model.id === catalogId);
    }

    file(catalogId: string, quant: string): CatalogQuantListing | undefined {
        return this.model(catalogId)?.quants.find((listing) => listing.quant === quant);
    }
}
