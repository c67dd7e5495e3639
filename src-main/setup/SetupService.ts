import type { Llama } from "node-llama-cpp";
import type { CatalogListing, RecommendRequest } from "@common/contract/setupTypes.js";
import type { FitResult, HardwareProfile, Recommendation } from "@common/setup/types.js";
import { NotFoundError } from "@common/errors.js";
import type { HardwareProbe } from "../hardware/HardwareProbe.js";
import type { Catalog, CatalogEntry, CatalogQuant } from "../models/catalogSchema.js";
import type { RemoteHeaderCache } from "../models/remoteHeader/RemoteHeaderCache.js";
import { recommend } from "../recommend/recommend.js";
import { estimateFitFromCatalog } from "../recommend/fit/estimateFitFromCatalog.js";
import { fitModel } from "../recommend/fit/fitModel.js";

/** Looks up which catalog files are already on this computer (downloaded or imported). */
export type InstalledLookup = (catalogId: string, quant: string) => string | null;

export type SetupServiceOptions = {
    /** Path of a catalog file on this computer, if it was downloaded: its header gives the fit. */
    localFile?: (catalogId: string, quant: string) => string | null;
    /** GGUF headers of catalog files read from the hub (cached on disk), for fits when there is no local copy. */
    headers?: RemoteHeaderCache;
    /** The app's Llama: on this (probed) machine node-llama-cpp simulates the load with it. */
    llama?: () => Promise<Llama>;
    /** The starter chat model, when it is the one chat uses: the recommendation then says what it is for. */
    starterChatModel?: () => { displayName: string; sizeBytes: number } | null;
};

/**
 * Where a fit may come from. "known": one already worked out from a header, else the catalog's (at once);
 * "local": a header on this computer (the file, or a header the person had read from the hub before);
 * "online": also the hub, which is asked only when the person asks for it.
 */
type FitSource = "known" | "local" | "online";
type FitOptions = { contextSize: number; hardware: HardwareProfile; source: FitSource };

/**
 * The resource-aware setup: what this computer has, how each catalog model fits, and the recommended
 * configuration with its reasons. Hardware is probed once and cached (RAM changes are not worth a re-probe
 * on every keystroke in Settings); `refresh` probes again.
 */
export class SetupService {
    #hardware: Promise<HardwareProfile> | null = null;
    readonly #headerFits = new Map<string, FitResult>();
    readonly #reprobed = new Set<() => void>();

    constructor(
        private readonly probe: HardwareProbe,
        private readonly catalog: () => Catalog,
        private readonly installed: InstalledLookup,
        private readonly indexedTokens: () => number,
        private readonly options: SetupServiceOptions = {}
    ) {}

    hardware(refresh = false): Promise<HardwareProfile> {
        if (refresh || this.#hardware == null) {
            const again = this.#hardware != null;
            this.#hardware = this.probe.probe();
            this.#headerFits.clear();
            if (again) for (const listener of this.#reprobed) listener();
        }
        return this.#hardware;
    }

    /** Called when the hardware is probed again: fits worked out for the last probe may no longer hold. */
    onReprobe(listener: () => void): () => void {
        this.#reprobed.add(listener);
        return () => this.#reprobed.delete(listener);
    }

    /**
     * Every catalog file with its fit: node-llama-cpp's from a header where one was already worked out
     * (by `fit` or `recommend`), else the catalog's. Nothing is read here, so the list comes at once.
     */
    async listCatalog(contextSize = 4096): Promise<CatalogListing[]> {
        const hardware = await this.hardware();
        return Promise.all(this.catalog().models.map(async (entry) => ({
            id: entry.id,
            kind: entry.kind,
            displayName: entry.displayName,
            family: entry.family,
            parameterCount: entry.parameterCount ?? null,
            contextLength: entry.contextLength ?? null,
            embeddingDimension: entry.embeddingDimension ?? null,
            license: entry.license ?? null,
            quants: await Promise.all(entry.quants.map(async (quant) => ({
                quant: quant.quant,
                fileName: quant.file,
                sizeBytes: quant.sizeBytes ?? null,
                fit: await this.#fit(entry, quant, {
                    contextSize: Math.min(contextSize, entry.contextLength ?? contextSize), hardware, source: "known"
                }),
                hashKnown: quant.sha256 != null,
                installedModelId: this.installed(entry.id, quant.quant)
            })))
        })));
    }

    /**
     * One file's fit, from its header on this computer, else from the catalog; `online` (the person asked
     * for the exact figures) also reads the header from the hub when there is no copy here.
     */
    async fit(catalogId: string, quant: string, contextSize: number, online = false): Promise<FitResult> {
        const { entry, file } = this.find(catalogId, quant);
        return this.#fit(entry, file, { contextSize, hardware: await this.hardware(), source: online ? "online" : "local" });
    }

    /**
     * The policy decides on catalog figures, then with the headers of the files it picked where they are on
     * this computer (from the hub too with `online`): a header can move a file across a label.
     */
    async recommend(request: RecommendRequest): Promise<Recommendation> {
        const hardware = await this.hardware();
        const models = this.catalog().models;
        const input = {
            hardware, indexedTokens: this.indexedTokens(), models,
            difficulty: request.difficulty, learningBudgetMinutes: request.learningBudgetMinutes, latency: request.latency
        };
        const first = recommend(input);
        const picked = [first.chat, ...first.alternatives.map((alternative) => alternative.chat)];
        const read = await Promise.all(picked.map(({ modelId, quant, contextSize }) => {
            const { entry, file } = this.find(modelId, quant);
            return this.#fit(entry, file, { contextSize, hardware, source: request.online === true ? "online" : "local" });
        }));
        const fromHeaders = read.filter((fit) => fit.method === "gguf-insights");
        const recommendation = fromHeaders.length === 0 ? first : recommend({ ...input, fits: fromHeaders });
        const starter = this.options.starterChatModel?.() ?? null;
        return starter == null ? recommendation : { ...recommendation, starterNote: starterNote(starter, recommendation.chat.displayName) };
    }

    /** Fits worked out from a header are kept (a header's figures do not change) until the hardware is probed again. */
    async #fit(entry: CatalogEntry, quant: CatalogQuant, { contextSize, hardware, source }: FitOptions): Promise<FitResult> {
        const { localFile, headers, llama } = this.options;
        const ggufPath = localFile?.(entry.id, quant.quant) ?? undefined;
        const key = `${entry.id}|${quant.quant}|${contextSize}|${ggufPath ?? ""}`;
        const known = this.#headerFits.get(key);
        if (known !== undefined) return known;
        // Working a fit out from a header takes node-llama-cpp a second or more: only when asked for one file.
        if (source === "known") return estimateFitFromCatalog(entry, quant, contextSize, hardware);
        const fit = await fitModel({
            entry, quant, contextSize, hardware,
            ...(ggufPath === undefined ? {} : { ggufPath }),
            ...(headers === undefined ? {} : {
                remoteHeader: () => (source === "online" ? headers.headerFor(entry, quant) : headers.cachedHeaderFor(entry, quant))
            }),
            // A simulated machine is not this one: node-llama-cpp then estimates instead of simulating a load here.
            ...(llama === undefined || hardware.source !== "probed" ? {} : { llama: await llama() })
        });
        if (fit.method === "gguf-insights") this.#headerFits.set(key, fit);
        return fit;
    }

    find(catalogId: string, quant: string): { entry: CatalogEntry; file: CatalogQuant } {
        const entry = this.catalog().models.find((model) => model.id === catalogId);
        const file = entry?.quants.find((q) => q.quant === quant);
        if (entry == null || file == null)
            throw new NotFoundError(`The catalog has no ${quant} file for "${catalogId}".`);
        return { entry, file };
    }
}

/** Plain words on the starter chat model, for a person who has not chosen a model of their own yet. */
function starterNote(starter: { displayName: string; sizeBytes: number }, better: string): string {
    return `Chat now uses ${starter.displayName}, a tiny model (${Math.round(starter.sizeBytes / 1e6)} MB) that comes with Locus so you can ` +
        "try it at once: it finds short facts in your documents and cites them, but it often misses nuance, mixes up similar facts and " +
        `cannot reason over several passages. ${better} will answer much better on this computer.`;
}
