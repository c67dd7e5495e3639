import { ensureLlamaSource } from "../llamaCpp/ensureLlamaSource.js";
import { GgufWriter, type GgufLayout } from "../../../src-main/models/gguf/GgufWriter.js";
import { llamaMetadata } from "./llamaMetadata.js";
import type { LlamaShape } from "./llamaShapes.js";
import { constantTensorData } from "./constantTensorData.js";
import { llamaTensorPlan } from "./llamaTensorPlan.js";
import { RandomWeightPool } from "./RandomWeightPool.js";
import { readLlama3Tokenizer } from "./readLlama3Tokenizer.js";
import { syntheticQuantType, type SyntheticQuant } from "./syntheticQuant.js";

/** Standard deviation of random matrix values: GPT-2/Llama's init scale keeps activations near unit size. */
export const syntheticWeightStd = 0.02;

/** 16.7M values: one realistic FFN matrix; its pool costs ~70 MB of memory and under a second to quantize. */
const maxPoolValues = 1 << 24;

export type GenerateSyntheticModelOptions = {
    /** Same seed, same bytes; each tensor's stream also depends on its name, so variants share values. */
    seed?: number,
    /** `general.name`; node-llama-cpp reads "Llama 3.2" in it to pick the Llama 3.2 chat wrapper. */
    name?: string,
    /** false: write only the header and leave the data as a sparse hole (for oversized fakes). */
    withData?: boolean,
    /** Writes `llama.pooling_type` (1 = mean) to make an embedding model. */
    poolingType?: number
};

/**
 * Writes a `llama` GGUF with the real Llama 3 tokenizer and random weights to `outPath` (not atomically:
 * callers that cache write to a temp path and rename).
 */
export async function generateSyntheticModel(
    shape: LlamaShape, quant: SyntheticQuant, outPath: string, options: GenerateSyntheticModelOptions = {}
): Promise<GgufLayout> {
    const { seed = 42, name = `Llama 3.2 synthetic ${shape.sizeLabel}-like (random weights)`, withData = true, poolingType } = options;
    const tokenizer = await readLlama3Tokenizer(await ensureLlamaSource());
    const matrixType = syntheticQuantType[quant];

    const writer = new GgufWriter();
    for (const [key, value] of llamaMetadata(shape, matrixType, name, tokenizer.vocabSize, poolingType)) writer.setKv(key, value);
    for (const [key, value] of tokenizer.kvs) writer.setKv(key, value);

    const tensors = llamaTensorPlan(shape, matrixType, tokenizer.vocabSize);
    const valueCount = (dims: readonly number[]): number => dims.reduce((product, dim) => product * dim, 1);
    // the pool holds the largest matrix up to a cap, so most tensors are unique slices, not tiles
    const poolValues = Math.min(maxPoolValues, Math.max(...tensors.map((tensor) => valueCount(tensor.dims))));
    const amplitude = syntheticWeightStd * Math.sqrt(3); // uniform on [-a, a) has std a / sqrt(3)
    const pool = withData ? new RandomWeightPool(String(seed), amplitude, poolValues) : undefined;
    for (const tensor of tensors) {
        const data = tensor.role === "norm"
            ? constantTensorData(tensor.type, valueCount(tensor.dims), 1)
            : pool?.tensorData(tensor.type, valueCount(tensor.dims), `${seed}:${tensor.name}`);
        writer.addTensor({ ...tensor, data: withData ? data : undefined });
    }
    return writer.writeFile(outPath);
}
