import fs from "node:fs/promises";
import path from "node:path";
import { floatTensorData } from "../../gguf/floatTensorData.js";
import { GgmlType } from "../../gguf/ggufTypes.js";
import { GgufWriter, type TensorDataSource } from "../../gguf/GgufWriter.js";
import type { BertPooling } from "./bertCheckpointTypes.js";
import { bertGgufMetadata } from "./bertGgufMetadata.js";
import { CheckpointInvalidError } from "./CheckpointInvalidError.js";
import { readBertCheckpoint, type BertCheckpoint } from "./readBertCheckpoint.js";

export type ConvertBertOptions = {
    /** A sentence-transformers BERT folder: config.json, model.safetensors, vocab.txt, tokenizer_config.json, 1_Pooling/. */
    checkpointDir: string;
    /** Where the GGUF goes; its folder is created if needed. */
    outPath: string;
    /** How matrices are stored (norms, biases, position and token-type embeddings stay F32). Default F16. */
    weightType?: "F16" | "Q8_0";
    /** general.name; default the checkpoint folder's name. */
    name?: string;
};

export type ConvertBertResult = { outPath: string; tensors: number; vocabSize: number; pooling: BertPooling };

/**
 * Converts a sentence-transformers BERT checkpoint into a GGUF that llama.cpp (node-llama-cpp) embeds with,
 * as convert_hf_to_gguf.py would, without torch. The file is written beside `outPath` under a temporary
 * name and renamed into place, so a refusal or a failure part-way never leaves a GGUF, whole or partial.
 */
export async function convertBertCheckpoint(options: ConvertBertOptions): Promise<ConvertBertResult> {
    const checkpoint = await readBertCheckpoint(options.checkpointDir);
    const outPath = path.resolve(options.outPath);
    const tempPath = `${outPath}.tmp-${process.pid}-${Date.now()}`;
    try {
        const matrixType = options.weightType === "Q8_0" ? GgmlType.Q8_0 : GgmlType.F16;
        const writer = new GgufWriter();
        for (const [key, value] of bertGgufMetadata(checkpoint, matrixType, options.name ?? path.basename(checkpoint.dir)))
            writer.setKv(key, value);
        for (const tensor of checkpoint.tensors) {
            const dims = [...tensor.shape].reverse();
            // Q8_0 packs rows in blocks of 32; a row of another length stays F16, as convert_hf_to_gguf.py does
            const type = tensor.storage === "f32" ? GgmlType.F32
                : matrixType === GgmlType.Q8_0 && (dims[0] ?? 0) % 32 !== 0 ? GgmlType.F16 : matrixType;
            writer.addTensor({ name: tensor.target, dims, type, data: tensorData(checkpoint, tensor.entry.name, type) });
        }
        await fs.mkdir(path.dirname(outPath), { recursive: true });
        await writer.writeFile(tempPath);
        await fs.rename(tempPath, outPath);
        return { outPath, tensors: checkpoint.tensors.length, vocabSize: checkpoint.vocabulary.tokens.length, pooling: checkpoint.pooling };
    } catch (error) {
        await fs.rm(tempPath, { force: true });
        throw error;
    } finally {
        await checkpoint.weights.close();
    }
}

/** Reads one tensor when the writer reaches it, so memory holds a single tensor at a time. */
function tensorData(checkpoint: BertCheckpoint, sourceName: string, type: GgmlType): TensorDataSource {
    return async function* read() {
        const values = await checkpoint.weights.readFloat32(sourceName);
        // a NaN or infinity would poison every embedding through the layer norms
        if (!values.every(Number.isFinite)) throw new CheckpointInvalidError(checkpoint.weights.filePath, `tensor "${sourceName}" holds NaN or infinite values`);
        yield* floatTensorData(values, type)();
    };
}
