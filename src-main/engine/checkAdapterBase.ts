import fs from "node:fs";
import path from "node:path";
import { AdapterBaseMismatchError } from "../trainer/errors/AdapterBaseMismatchError.js";
import { verifyAdapterBase } from "../trainer/adapter/verifyAdapterBase.js";
import type { EngineAdapter } from "./EngineAdapter.js";

/** Whether the adapter may be applied to the loaded model, and if not, why in words a person can act on. */
export type AdapterCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks an adapter against the loaded model before it is attached: its file must exist, be readable, and
 * record the fingerprint of this very model file (an adapter for another base would produce garbage).
 */
export async function checkAdapterBase(adapter: EngineAdapter, modelPath: string, modelFingerprint: string): Promise<AdapterCheck> {
    const modelFile = path.basename(modelPath);
    if (!fs.existsSync(adapter.filePath))
        return { ok: false, reason: `The adapter "${adapter.name}" is missing its file (${path.basename(adapter.filePath)}). Remove it and train it again.` };
    try {
        await verifyAdapterBase(adapter.filePath, modelPath, modelFingerprint);
        return { ok: true };
    } catch (error) {
        if (!(error instanceof AdapterBaseMismatchError))
            return { ok: false, reason: `The adapter "${adapter.name}" could not be read (${error instanceof Error ? error.message : String(error)}). Remove it and train it again.` };
        return {
            ok: false,
            reason: error.details.expectedFingerprint === null
                ? `The adapter "${adapter.name}" does not say which model it was trained on, so it cannot be used with ${modelFile}. Train a new adapter.`
                : `The adapter "${adapter.name}" was trained on ${adapter.baseModelName}, not on ${modelFile}, so chat cannot use it. ` +
                  `Load ${adapter.baseModelName} to use it, or train a new adapter for this model.`
        };
    }
}
