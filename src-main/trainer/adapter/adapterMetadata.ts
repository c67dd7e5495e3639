// GGUF keys Locus adds to the adapters it writes, beside llama.cpp's general.* and adapter.* keys.

export const adapterMetadataKeys = {
    baseFingerprint: "locus.base.fingerprint",
    baseFileName: "locus.base.file_name",
    baseFileSize: "locus.base.file_size",
    trainerVersion: "locus.trainer.version",
    targets: "locus.train.targets",
    rank: "locus.train.rank",
    lastLayers: "locus.train.last_layers",
    step: "locus.train.step",
    validationLoss: "locus.train.validation_loss"
} as const;

/** Bump when adapters written by this trainer change meaning. */
export const trainerVersion = "1";

export type BaseModelIdentity = { fingerprint: string; fileName: string; fileSize: number };

export type AdapterShapeMetadata = { targets: readonly string[]; rank: number; lastLayers: number };

/** Metadata for one adapter file: which base it belongs to, how it was made, and its checkpoint. */
export function adapterMetadata(
    base: BaseModelIdentity,
    shape: AdapterShapeMetadata,
    checkpoint?: { step: number; validationLoss: number | null }
): Record<string, string> {
    const metadata: Record<string, string> = {
        [adapterMetadataKeys.baseFingerprint]: base.fingerprint,
        [adapterMetadataKeys.baseFileName]: base.fileName,
        [adapterMetadataKeys.baseFileSize]: String(base.fileSize),
        [adapterMetadataKeys.trainerVersion]: trainerVersion,
        [adapterMetadataKeys.targets]: shape.targets.join(","),
        [adapterMetadataKeys.rank]: String(shape.rank),
        [adapterMetadataKeys.lastLayers]: String(shape.lastLayers)
    };
    if (checkpoint !== undefined) {
        metadata[adapterMetadataKeys.step] = String(checkpoint.step);
        if (checkpoint.validationLoss !== null) metadata[adapterMetadataKeys.validationLoss] = checkpoint.validationLoss.toFixed(6);
    }
    return metadata;
}
