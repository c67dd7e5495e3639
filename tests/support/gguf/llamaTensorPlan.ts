import { GgmlType, type GgufTensorInfo } from "../../../src-main/models/gguf/ggufTypes.js";
import type { LlamaShape } from "./llamaShapes.js";

/** A tensor of a llama model: RMS-norm weights are all ones, matrices are random. */
export type PlannedTensor = GgufTensorInfo & { role: "norm" | "matrix" };

/**
 * The tensors llama.cpp's `llama` architecture loads (src/models/llama.cpp), with ggml dims (ne[0] first).
 * Norms stay F32 as llama-quantize leaves them; every matrix, token_embd included, takes `matrixType`.
 */
export function llamaTensorPlan(shape: LlamaShape, matrixType: GgmlType, vocabSize: number): PlannedTensor[] {
    const nEmbd = shape.embeddingLength;
    const headDim = nEmbd / shape.headCount;
    const nQ = headDim * shape.headCount;
    const nKv = headDim * shape.headCountKv;
    const nFf = shape.feedForwardLength;
    const matrix = (name: string, dims: number[]): PlannedTensor => ({ name, dims, type: matrixType, role: "matrix" });
    const norm = (name: string): PlannedTensor => ({ name, dims: [nEmbd], type: GgmlType.F32, role: "norm" });

    const tensors: PlannedTensor[] = [matrix("token_embd.weight", [nEmbd, vocabSize])];
    for (let i = 0; i < shape.blockCount; i++) {
        tensors.push(
            norm(`blk.${i}.attn_norm.weight`),
            matrix(`blk.${i}.attn_q.weight`, [nEmbd, nQ]),
            matrix(`blk.${i}.attn_k.weight`, [nEmbd, nKv]),
            matrix(`blk.${i}.attn_v.weight`, [nEmbd, nKv]),
            matrix(`blk.${i}.attn_output.weight`, [nQ, nEmbd]),
            norm(`blk.${i}.ffn_norm.weight`),
            matrix(`blk.${i}.ffn_gate.weight`, [nEmbd, nFf]),
            matrix(`blk.${i}.ffn_up.weight`, [nEmbd, nFf]),
            matrix(`blk.${i}.ffn_down.weight`, [nFf, nEmbd])
        );
    }
    tensors.push(norm("output_norm.weight"));
    if (!shape.tiedEmbeddings) tensors.push(matrix("output.weight", [nEmbd, vocabSize]));
    return tensors;
}
