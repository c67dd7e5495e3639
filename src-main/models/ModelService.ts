import type { EngineStatus, ModelInfo } from "@common/contract/types.js";
import { NotFoundError, UnsupportedError } from "@common/errors.js";
import type { Engine } from "../engine/Engine.js";
import type { ModelFileReport } from "../engine/inspectModelFile.js";
import type { ModelRepository, StoredModel } from "../store/ModelRepository.js";

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
        private readonly pickModelFile: PickModelFile | null
    ) {}

    list(): ModelInfo[] {
        return this.models.list().map(toInfo);
    }

    async addWithDialog(): Promise<ModelInfo | null> {
        if (this.pickModelFile == null)
            throw new UnsupportedError("This window cannot open a file dialog. Type the model file's path instead.");
        const filePath = await this.pickModelFile();
        return filePath == null ? null : this.addFromPath(filePath);
    }

    async addFromPath(filePath: string): Promise<ModelInfo> {
        const report = await this.engine.inspect(filePath);
        return toInfo(this.models.add(this.#fromReport(report)));
    }

    async remove(modelId: string): Promise<void> {
        this.#require(modelId);
        if (this.engine.status.modelId === modelId) await this.engine.unload();
        this.models.remove(modelId);
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
