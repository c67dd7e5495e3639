import type { EngineStatus, ModelInfo } from "@common/contract/types.js";
import { NotFoundError, UnsupportedError } from "@common/errors.js";
import type { Engine } from "../engine/Engine.js";
import type { ModelFileReport } from "../engine/inspectModelFile.js";
import type { ModelRepository, StoredModel } from "../store/ModelRepository.js";
import { hashFile } from "./download/hashFile.js";
import type { ModelFits } from "./fit/ModelFits.js";
import type { VerifiedHash } from "./download/downloadTypes.js";

/** Asks the person for a model file in a native dialog; only the Electron host has one. */
export type PickModelFile = () => Promise<string | null>;

const toInfo = ({ path: _path, ...info }: StoredModel): ModelInfo => info;

function parameterLabel(count: number): string | undefined {
    if (!Number.isFinite(count) || count <= 0) return undefined;
    if (count >= 1e9) return `${(count / 1e9).toFixed(1)}B`;
    if (count >= 1e6) return `${Math.round(count / 1e6)}M`;
    return `${Math.round(count / 1e3)}K`;
}

/** The person's local model files: added after their header is checked, loaded by id. */
export class ModelService {
    constructor(
        private readonly models: ModelRepository,
        private readonly engine: Engine,
        private readonly pickModelFile: PickModelFile | null,
        /** Each model's fit on this computer, worked out in the background; without it the list has none. */
        private readonly fits: ModelFits | null = null
    ) {}

    /** Every model, each with its fit where it is known already (the others' are being worked out). */
    list(): ModelInfo[] {
        return this.models.list().map((model) => this.#info(model));
    }

    async addWithDialog(): Promise<ModelInfo | null> {
        if (this.pickModelFile == null)
            throw new UnsupportedError("This window cannot open a file dialog. Type the model file's path instead.");
        const filePath = await this.pickModelFile();
        return filePath == null ? null : this.addFromPath(filePath);
    }

    /**
     * Adds a model file after its header is checked, with its SHA-256: the hash a download already
     * verified, or else one computed here. The file is hashed as a stream in 1 MiB reads, so a file of
     * several gigabytes takes seconds but never holds up the event loop (other calls go on meanwhile).
     */
    async addFromPath(filePath: string, verified?: VerifiedHash, options: { displayName?: string } = {}): Promise<ModelInfo> {
        const report = await this.engine.inspect(filePath);
        const hash = verified ?? { sha256: await hashFile(report.path), source: "computed" as const };
        const stored = this.models.add({
            ...this.#fromReport(report), ...(options.displayName ? { displayName: options.displayName } : {}),
            sha256: hash.sha256, sha256Source: hash.source
        });
        // The same path added again may be another file now.
        this.fits?.forget(stored.id);
        return this.#info(stored);
    }

    async remove(modelId: string): Promise<void> {
        this.#require(modelId);
        if (this.engine.status.modelId === modelId) await this.engine.unload();
        this.models.remove(modelId);
        this.fits?.forget(modelId);
    }

    load(modelId: string): Promise<EngineStatus> {
        return this.engine.load(modelId, this.#require(modelId).path);
    }

    unload(): Promise<EngineStatus> {
        return this.engine.unload();
    }

    status(): EngineStatus {
        return this.engine.status;
    }

    #info(model: StoredModel): ModelInfo {
        const fit = this.fits?.known(model);
        return fit === undefined ? toInfo(model) : { ...toInfo(model), fit };
    }

    #require(modelId: string): StoredModel {
        const model = this.models.get(modelId);
        if (model == null) throw new NotFoundError("That model is no longer in the list. Add it again.");
        return model;
    }

    #fromReport(report: ModelFileReport): Omit<StoredModel, "id" | "addedAt"> {
        const label = parameterLabel(report.parameterCount);
        return {
            path: report.path, fileName: report.fileName, displayName: report.displayName,
            architecture: report.architecture, sizeBytes: report.sizeBytes, role: report.role,
            ...(label == null ? {} : { parameterCountLabel: label })
        };
    }
}
