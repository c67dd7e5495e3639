import path from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { AdapterBaseMismatchError } from "../errors/AdapterBaseMismatchError.js";
import { adapterMetadataKeys } from "./adapterMetadata.js";
import { fingerprintModelFile } from "./fingerprintModelFile.js";

/** The base-model fingerprint an adapter records, or null when it records none (not made by Locus). */
export async function readAdapterBaseFingerprint(adapterPath: string): Promise<string | null> {
    const info = await readGgufFileInfo(adapterPath, { readTensorInfo: false });
    let value: unknown = info.metadata;
    for (const part of adapterMetadataKeys.baseFingerprint.split(".")) {
        value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[part] : undefined;
    }
    return typeof value === "string" ? value : null;
}

/**
 * Refuses an adapter that was not trained on this model: call before attaching it to a context.
 * Pass `modelFingerprint` when it is already known (it is stable for a file) to skip reading the model.
 */
export async function verifyAdapterBase(adapterPath: string, modelPath: string, modelFingerprint?: string): Promise<void> {
    const expected = await readAdapterBaseFingerprint(adapterPath);
    const actual = modelFingerprint ?? (await fingerprintModelFile(modelPath));
    if (expected !== actual) {
        throw new AdapterBaseMismatchError({
            adapterFile: path.basename(adapterPath),
            modelFile: path.basename(modelPath),
            expectedFingerprint: expected,
            actualFingerprint: actual
        });
    }
}
