import type { BertHyperparameters } from "./bertCheckpointTypes.js";

/**
 * How a tensor is stored in the GGUF: `matrix` in the chosen weight type (F16 or Q8_0); `f32` always F32,
 * like convert_hf_to_gguf.py keeps norms, biases, position and token-type embeddings.
 */
export type BertTensorStorage = "matrix" | "f32";

export type BertTensorMapping = {
    /** The Hugging Face name (without a "bert." prefix, which the reader also accepts). */
    source: string;
    /** llama.cpp's name (src/llama-arch.cpp, LLM_ARCH_BERT). */
    target: string;
    /** The shape in the checkpoint, row-major (PyTorch order); the GGUF's ggml dims are its reverse. */
    shape: readonly number[];
    storage: BertTensorStorage;
};

/** Every tensor of the encoder, in llama.cpp's order, with the shape config.json implies. */
export function bertTensorPlan(hyper: BertHyperparameters, vocabSize: number): BertTensorMapping[] {
    const { hiddenSize: h, feedForwardSize: ff } = hyper;
    const plan: BertTensorMapping[] = [
        { source: "embeddings.word_embeddings.weight", target: "token_embd.weight", shape: [vocabSize, h], storage: "matrix" },
        { source: "embeddings.token_type_embeddings.weight", target: "token_types.weight", shape: [hyper.typeVocabSize, h], storage: "f32" },
        { source: "embeddings.position_embeddings.weight", target: "position_embd.weight", shape: [hyper.maxPositions, h], storage: "f32" },
        { source: "embeddings.LayerNorm.weight", target: "token_embd_norm.weight", shape: [h], storage: "f32" },
        { source: "embeddings.LayerNorm.bias", target: "token_embd_norm.bias", shape: [h], storage: "f32" }
    ];
    const linear = (source: string, target: string, outputs: number, inputs: number) => {
        plan.push({ source: `${source}.weight`, target: `${target}.weight`, shape: [outputs, inputs], storage: "matrix" });
        plan.push({ source: `${source}.bias`, target: `${target}.bias`, shape: [outputs], storage: "f32" });
    };
    const norm = (source: string, target: string) => {
        plan.push({ source: `${source}.weight`, target: `${target}.weight`, shape: [h], storage: "f32" });
        plan.push({ source: `${source}.bias`, target: `${target}.bias`, shape: [h], storage: "f32" });
    };
    for (let i = 0; i < hyper.layers; i++) {
        const layer = `encoder.layer.${i}`;
        const block = `blk.${i}`;
        linear(`${layer}.attention.self.query`, `${block}.attn_q`, h, h);
        linear(`${layer}.attention.self.key`, `${block}.attn_k`, h, h);
        linear(`${layer}.attention.self.value`, `${block}.attn_v`, h, h);
        linear(`${layer}.attention.output.dense`, `${block}.attn_output`, h, h);
        norm(`${layer}.attention.output.LayerNorm`, `${block}.attn_output_norm`);
        linear(`${layer}.intermediate.dense`, `${block}.ffn_up`, ff, h);
        linear(`${layer}.output.dense`, `${block}.ffn_down`, h, ff);
        norm(`${layer}.output.LayerNorm`, `${block}.layer_output_norm`);
    }
    return plan;
}
