import fs from "node:fs/promises";
import path from "node:path";
import { readSafetensorsFloats, type ReferenceTensor } from "./readSafetensorsFloats.js";
import { referenceMath as math } from "./referenceMath.js";

type ReferenceConfig = {
    hidden_size: number; num_hidden_layers: number; num_attention_heads: number; intermediate_size: number; layer_norm_eps: number;
};

/**
 * An independent F32-weight (float64 arithmetic) BERT forward pass for tests, as Hugging Face's BertModel
 * computes it for one unpadded sentence: word + position + token-type-0 embeddings and LayerNorm; per layer
 * self-attention softmax(QK^T/√d)V without a mask, output dense, residual, LayerNorm, then the FFN with the
 * exact (erf) GELU, residual, LayerNorm. Then mean pooling over every token, [CLS] and [SEP] included, which
 * is what sentence-transformers does when the attention mask is all ones.
 */
export class BertReferenceModel {
    private constructor(private readonly config: ReferenceConfig, private readonly tensors: Map<string, ReferenceTensor>) {}

    static async load(checkpointDir: string): Promise<BertReferenceModel> {
        const config = JSON.parse(await fs.readFile(path.join(checkpointDir, "config.json"), "utf8")) as ReferenceConfig;
        return new BertReferenceModel(config, await readSafetensorsFloats(path.join(checkpointDir, "model.safetensors")));
    }

    /** The sentence embedding: the mean of the last layer's states over all tokens. */
    embed(tokenIds: readonly number[]): Float64Array {
        const h = this.config.hidden_size;
        const states = this.hiddenStates(tokenIds);
        const mean = new Float64Array(h);
        for (let t = 0; t < tokenIds.length; t++) for (let i = 0; i < h; i++) mean[i]! += states[t * h + i]! / tokenIds.length;
        return mean;
    }

    /** The last layer's hidden states, [tokens, hidden]. */
    hiddenStates(tokenIds: readonly number[]): Float64Array {
        const { hidden_size: h, intermediate_size: ff, layer_norm_eps: eps } = this.config;
        const n = tokenIds.length;
        const words = this.weight("embeddings.word_embeddings.weight");
        const positions = this.weight("embeddings.position_embeddings.weight");
        const types = this.weight("embeddings.token_type_embeddings.weight");
        let x: Float64Array = new Float64Array(n * h);
        tokenIds.forEach((id, t) => {
            for (let i = 0; i < h; i++) x[t * h + i] = words[id * h + i]! + positions[t * h + i]! + types[i]!;
        });
        x = math.layerNorm(x, h, this.weight("embeddings.LayerNorm.weight"), this.weight("embeddings.LayerNorm.bias"), eps);

        for (let layer = 0; layer < this.config.num_hidden_layers; layer++) {
            const p = `encoder.layer.${layer}`;
            const dense = (input: Float64Array, name: string, inputs: number, outputs: number) =>
                math.linear(input, n, this.weight(`${p}.${name}.weight`), this.weight(`${p}.${name}.bias`), inputs, outputs);
            const context = this.selfAttention(dense(x, "attention.self.query", h, h), dense(x, "attention.self.key", h, h),
                dense(x, "attention.self.value", h, h), n);
            const attended = addInto(dense(context, "attention.output.dense", h, h), x);
            x = math.layerNorm(attended, h, this.weight(`${p}.attention.output.LayerNorm.weight`), this.weight(`${p}.attention.output.LayerNorm.bias`), eps);
            const up = dense(x, "intermediate.dense", h, ff).map(math.gelu);
            const out = addInto(dense(up, "output.dense", ff, h), x);
            x = math.layerNorm(out, h, this.weight(`${p}.output.LayerNorm.weight`), this.weight(`${p}.output.LayerNorm.bias`), eps);
        }
        return x;
    }

    /** Multi-head attention over all tokens (one sentence, no padding, so no mask). */
    private selfAttention(q: Float64Array, k: Float64Array, v: Float64Array, n: number): Float64Array {
        const h = this.config.hidden_size;
        const heads = this.config.num_attention_heads;
        const d = h / heads;
        const scale = 1 / Math.sqrt(d);
        const out = new Float64Array(n * h);
        const scores = new Float64Array(n);
        for (let head = 0; head < heads; head++) {
            const offset = head * d;
            for (let t1 = 0; t1 < n; t1++) {
                let max = -Infinity;
                for (let t2 = 0; t2 < n; t2++) {
                    let dot = 0;
                    for (let i = 0; i < d; i++) dot += q[t1 * h + offset + i]! * k[t2 * h + offset + i]!;
                    scores[t2] = dot * scale;
                    max = Math.max(max, scores[t2]!);
                }
                let total = 0;
                for (let t2 = 0; t2 < n; t2++) {
                    scores[t2] = Math.exp(scores[t2]! - max);
                    total += scores[t2]!;
                }
                for (let t2 = 0; t2 < n; t2++) {
                    const weight = scores[t2]! / total;
                    for (let i = 0; i < d; i++) out[t1 * h + offset + i]! += weight * v[t2 * h + offset + i]!;
                }
            }
        }
        return out;
    }

    private weight(name: string): Float32Array {
        const tensor = this.tensors.get(name) ?? this.tensors.get(`bert.${name}`);
        if (tensor == null) throw new Error(`the reference model has no tensor ${name}`);
        return tensor.values;
    }
}

function addInto(target: Float64Array, other: Float64Array): Float64Array {
    for (let i = 0; i < target.length; i++) target[i]! += other[i]!;
    return target;
}
