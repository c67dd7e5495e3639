import { readGgufFileInfo } from "node-llama-cpp";
import { floatTensorData } from "../../../src-main/models/gguf/floatTensorData.js";
import { GgmlType } from "../../../src-main/models/gguf/ggufTypes.js";
import { ggufValue } from "../../../src-main/models/gguf/ggufValue.js";
import { GgufWriter } from "../../../src-main/models/gguf/GgufWriter.js";
import { SeededRandom } from "./SeededRandom.js";

export type TestLoraOptions = {
    /** llama.cpp tensor names to adapt, e.g. ["attn_q", "attn_v"]. */
    targets: readonly string[];
    rank: number;
    alpha: number;
    /** Largest magnitude of the random values; B is non-zero too, so the adapter changes the model's output. */
    amplitude: number;
    seed: string;
    /** Layers to adapt (default: all). */
    layers?: readonly number[];
    /** Extra string metadata, e.g. the base model's fingerprint Locus's engine checks before applying an adapter. */
    metadata?: Readonly<Record<string, string>>;
};

/**
 * Writes a LoRA adapter for a GGUF model in the form Locus's trainer writes (general.type=adapter,
 * adapter.type=lora, adapter.lora.alpha, F32 `<weight>.lora_a` [in, r] and `<weight>.lora_b` [r, out]),
 * with seeded random A and B. Returns the values written, by tensor name.
 */
export async function writeTestLoraAdapter(basePath: string, outPath: string, options: TestLoraOptions): Promise<Map<string, { dims: number[]; values: Float32Array }>> {
    const base = await readGgufFileInfo(basePath, { readTensorInfo: true, logWarnings: false });
    const architecture = (base.metadata as unknown as { general: { architecture: string } }).general.architecture;
    const writer = new GgufWriter()
        .setKv("general.architecture", ggufValue.str(architecture))
        .setKv("general.type", ggufValue.str("adapter"))
        .setKv("adapter.type", ggufValue.str("lora"))
        .setKv("adapter.lora.alpha", ggufValue.f32(options.alpha));
    for (const [key, value] of Object.entries(options.metadata ?? {})) writer.setKv(key, ggufValue.str(value));
    const written = new Map<string, { dims: number[]; values: Float32Array }>();
    for (const tensor of base.fullTensorInfo ?? []) {
        const match = /^blk\.(\d+)\.([a-z_]+)\.weight$/.exec(tensor.name);
        if (match == null || !options.targets.includes(match[2]!)) continue;
        if (options.layers != null && !options.layers.includes(Number(match[1]))) continue;
        const [inputs, outputs] = tensor.dimensions.map(Number) as [number, number];
        for (const [suffix, dims] of [["lora_a", [inputs, options.rank]], ["lora_b", [options.rank, outputs]]] as const) {
            const values = new Float32Array(dims[0] * dims[1]);
            new SeededRandom(`${options.seed}:${tensor.name}.${suffix}`).fillUniform(values, options.amplitude);
            const name = `${tensor.name}.${suffix}`;
            writer.addTensor({ name, dims: [...dims], type: GgmlType.F32, data: floatTensorData(values) });
            written.set(name, { dims: [...dims], values });
        }
    }
    await writer.writeFile(outPath);
    return written;
}
