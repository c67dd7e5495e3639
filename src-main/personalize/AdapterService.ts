import fs from "node:fs/promises";
import type { AdapterInfo } from "@common/contract/personalizeTypes.js";
import type { EngineStatus } from "@common/contract/types.js";
import { NotFoundError } from "@common/errors.js";
import type { EngineAdapter } from "../engine/EngineAdapter.js";
import type { AdapterRepository, StoredAdapter } from "../store/AdapterRepository.js";
import { toAdapterInfo } from "./toAdapterInfo.js";

/** What the registry needs of the engine: which adapter chat applies. */
export type AdapterEngine = { setAdapter(adapter: EngineAdapter | null, options?: { refuseOtherBase?: boolean }): Promise<EngineStatus> };

/**
 * The registry of trained adapters, and which one chat uses. Activating checks the adapter against the
 * loaded model first (the engine refuses one trained on another model, and nothing changes); with no
 * model loaded it is recorded and applies when its base model loads.
 */
export class AdapterService {
    constructor(
        private readonly adapters: AdapterRepository,
        private readonly engine: AdapterEngine,
        /** Called after every change, with the new list. */
        private readonly onChange: (adapters: AdapterInfo[]) => void
    ) {}

    list(): AdapterInfo[] {
        return this.adapters.list().map(toAdapterInfo);
    }

    /** Hands the active adapter (recorded in the database) to the engine; call once at start. */
    async restore(): Promise<void> {
        const active = this.adapters.active();
        await this.engine.setAdapter(active === undefined ? null : toEngineAdapter(active), { refuseOtherBase: false });
    }

    /** Chat uses this adapter from the next answer (an answer being written is stopped first, keeping its text). */
    async activate(adapterId: string, scale?: number): Promise<AdapterInfo[]> {
        const adapter = this.#require(adapterId);
        const chosenScale = scale ?? (adapter.active ? adapter.scale : 1);
        await this.engine.setAdapter(toEngineAdapter({ ...adapter, scale: chosenScale }));
        this.adapters.activate(adapterId, chosenScale);
        return this.#changed();
    }

    async deactivate(): Promise<AdapterInfo[]> {
        await this.engine.setAdapter(null);
        this.adapters.deactivateAll();
        return this.#changed();
    }

    async setScale(adapterId: string, scale: number): Promise<AdapterInfo[]> {
        const adapter = this.#require(adapterId);
        // Recorded even while another model is loaded: it applies at that scale when its base loads.
        if (adapter.active) await this.engine.setAdapter(toEngineAdapter({ ...adapter, scale }), { refuseOtherBase: false });
        this.adapters.setScale(adapterId, scale);
        return this.#changed();
    }

    async rename(adapterId: string, name: string): Promise<AdapterInfo[]> {
        const adapter = this.#require(adapterId);
        this.adapters.rename(adapterId, name);
        // The engine names the adapter in its status (same file and scale: the context stays).
        if (adapter.active) await this.engine.setAdapter(toEngineAdapter({ ...adapter, name }), { refuseOtherBase: false });
        return this.#changed();
    }

    /** Deletes the adapter and its file; chat stops using it first if it was active. */
    async remove(adapterId: string): Promise<AdapterInfo[]> {
        const adapter = this.#require(adapterId);
        if (adapter.active) await this.engine.setAdapter(null);
        this.adapters.remove(adapterId);
        await fs.rm(adapter.filePath, { force: true });
        return this.#changed();
    }

    /** A run registered a new adapter. */
    added(): void {
        this.#changed();
    }

    #require(adapterId: string): StoredAdapter {
        const adapter = this.adapters.get(adapterId);
        if (adapter === undefined) throw new NotFoundError("That adapter is no longer in the list. It may have been removed.");
        return adapter;
    }

    #changed(): AdapterInfo[] {
        const list = this.list();
        this.onChange(list);
        return list;
    }
}

export function toEngineAdapter(adapter: StoredAdapter): EngineAdapter {
    return { id: adapter.id, name: adapter.name, filePath: adapter.filePath, scale: adapter.scale, baseModelName: adapter.baseModelName };
}
