import fs from "node:fs/promises";
import path from "node:path";
import { GgufInsights, readGgufFileInfo } from "node-llama-cpp";
import { partialFilePath } from "../../trainer/adapter/adapterFiles.js";
import { lowerBitTarget, quantizationOf } from "./bitsPerWeight.js";
import type { AdvisorDeps, CandidateModel, ModelVariant } from "./types.js";

/**
 * The model files to measure for one chat model: the installed file, and (when asked and the file has bits
 * to spare) a lower-bit copy made with llama.cpp's quantizer in the trainer worker. A copy that cannot be
 * made is left out with a note; the installed file is always measured.
 */
export async function modelVariants(model: CandidateModel, compress: boolean, deps: AdvisorDeps, notes: string[]): Promise<ModelVariant[]> {
    const llama = await deps.llama();
    const info = await readGgufFileInfo(model.path, { logWarnings: false });
    const parameterCount = (await GgufInsights.from(info, llama)).totalParameters;
    const quantization = await quantizationOf(model.path);
    const variants: ModelVariant[] = [{ model, compression: "original", path: model.path, bitsPerWeight: quantization?.bitsPerWeight ?? null, parameterCount }];
    const target = compress && quantization != null ? lowerBitTarget(quantization.bitsPerWeight) : null;
    if (!compress) return variants;
    if (target == null) {
        notes.push(`${model.name} is already at ${quantization?.name ?? "an unknown quantization"}: no lower-bit copy was measured.`);
        return variants;
    }
    const out = path.join(deps.workDir, "variants", `${path.basename(model.path, ".gguf")}.${target}.gguf`);
    try {
        await fs.mkdir(path.dirname(out), { recursive: true });
        const exists = await fs.stat(out).then(() => true, () => false);
        if (!exists) {
            // Written aside, then moved: a kill mid-copy leaves a partial file cleaned at the next start, never a truncated model.
            const partial = partialFilePath(out);
            try {
                await deps.trainer.quantize(model.path, partial, target, deps.trainerThreads);
                await fs.rename(partial, out);
            } finally {
                await fs.rm(partial, { force: true });
            }
        }
        const lower = await quantizationOf(out);
        variants.push({ model, compression: target, path: out, bitsPerWeight: lower?.bitsPerWeight ?? null, parameterCount });
    } catch (error) {
        notes.push(`A ${target} copy of ${model.name} could not be made (${error instanceof Error ? error.message : String(error)}): only the installed file was measured.`);
    }
    return variants;
}
