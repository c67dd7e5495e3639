/**
 * llama.cpp's tensor names (`blk.N.<name>.weight`) as Hugging Face modules in the decoder architectures
 * whose GGUF tensors map one to one onto them, and whether the converter permuted Q and K rows for its rope.
 */
export const peftArchitectures: Readonly<Record<string, { permutesQK: boolean }>> = {
    // convert_hf_to_gguf.py's LlamaModel reorders q_proj and k_proj rows (undo_permute); Qwen's models are written as they are.
    llama: { permutesQK: true },
    qwen2: { permutesQK: false },
    qwen3: { permutesQK: false }
};

export const peftModules: Readonly<Record<string, string>> = {
    attn_q: "self_attn.q_proj",
    attn_k: "self_attn.k_proj",
    attn_v: "self_attn.v_proj",
    attn_output: "self_attn.o_proj",
    ffn_gate: "mlp.gate_proj",
    ffn_up: "mlp.up_proj",
    ffn_down: "mlp.down_proj"
};

/** PEFT's state-dict key for a LoRA matrix of a decoder layer's module. */
export function peftTensorName(layer: number, module: string, matrix: "A" | "B"): string {
    return `base_model.model.model.layers.${layer}.${module}.lora_${matrix}.weight`;
}
