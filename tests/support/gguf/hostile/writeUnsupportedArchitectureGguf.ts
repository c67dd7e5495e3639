import { GgufWriter } from "../../../../src-main/models/gguf/GgufWriter.js";
import { GgmlType } from "../../../../src-main/models/gguf/ggufTypes.js";
import { ggufValue as v } from "../../../../src-main/models/gguf/ggufValue.js";
import { RandomWeightPool } from "../RandomWeightPool.js";

/** A well-formed GGUF whose `general.architecture` no llama.cpp knows: it parses, then fails to load. */
export async function writeUnsupportedArchitectureGguf(outPath: string, architecture = "locus-unknown-arch"): Promise<void> {
    const writer = new GgufWriter()
        .setKv("general.architecture", v.str(architecture))
        .setKv("general.name", v.str("Unsupported architecture (synthetic)"))
        .setKv(`${architecture}.context_length`, v.u32(512))
        .setKv(`${architecture}.embedding_length`, v.u32(32))
        .setKv(`${architecture}.block_count`, v.u32(1))
        .addTensor({
            name: "token_embd.weight",
            dims: [32, 16],
            type: GgmlType.F32,
            data: new RandomWeightPool("unsupported", 0.03, 1024).tensorData(GgmlType.F32, 32 * 16, "token_embd")
        });
    await writer.writeFile(outPath);
}
