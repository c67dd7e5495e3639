import { generateSyntheticModel } from "../generateSyntheticModel.js";
import type { GgufLayout } from "../../../../src-main/models/gguf/GgufWriter.js";
import { oversizedShape } from "../llamaShapes.js";

/**
 * A valid Llama-3-70B-shaped Q4_0 GGUF (~40 GB declared) whose tensor data is a sparse hole: it costs only
 * its ~8 MB header on disk, so tests can check size limits and memory estimates without loading it.
 */
export async function writeOversizedGguf(outPath: string): Promise<GgufLayout> {
    return generateSyntheticModel(oversizedShape, "q4_0", outPath, {
        name: "Llama 3 synthetic 70B-like (header only)",
        withData: false
    });
}
