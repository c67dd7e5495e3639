import path from "node:path";
import { bertConfigSchema, modelKindSchema } from "./bertCheckpointSchemas.js";
import type { BertHyperparameters } from "./bertCheckpointTypes.js";
import { CheckpointInvalidError } from "./CheckpointInvalidError.js";
import { NotBertEncoderError } from "./NotBertEncoderError.js";
import { readCheckpointJson } from "./readCheckpointJson.js";

/** Hugging Face classes whose weights are a plain BERT encoder (heads, if any, are left out of the GGUF). */
const encoderArchitectures = new Set(["BertModel", "BertForMaskedLM", "BertForPreTraining"]);
// HF's "gelu" and "gelu_python" are the exact (erf) GELU, "gelu_new" and "gelu_pytorch_tanh" its tanh form; llama.cpp
// runs the tanh form from an F16 table on CPU, close enough for all four (the model test measures it). ReLU would not be.
const geluActivations = new Set(["gelu", "gelu_new", "gelu_pytorch_tanh", "gelu_python"]);

/** Reads config.json, refusing anything but the absolute-position BERT encoder that llama.cpp's `bert` runs. */
export async function readBertConfig(checkpointDir: string): Promise<BertHyperparameters> {
    const configPath = path.join(checkpointDir, "config.json");
    const kind = await readCheckpointJson(configPath, "model configuration (config.json)", modelKindSchema);
    const architectures = kind.architectures ?? [];
    const found = `model_type ${JSON.stringify(kind.model_type ?? null)}` +
        (architectures.length > 0 ? `, architectures ${architectures.join(", ")}` : "");
    if (kind.model_type !== "bert") throw new NotBertEncoderError(checkpointDir, found);
    const head = architectures.find((name) => !encoderArchitectures.has(name));
    if (head != null) throw new NotBertEncoderError(checkpointDir, `${found} (${head} is not a plain encoder)`);
    if (kind.is_decoder === true) throw new NotBertEncoderError(checkpointDir, `${found} configured as a decoder (is_decoder true)`);
    if (kind.position_embedding_type != null && kind.position_embedding_type !== "absolute")
        throw new NotBertEncoderError(checkpointDir, `${found} with position_embedding_type "${kind.position_embedding_type}" (llama.cpp's BERT has absolute positions)`);
    if (kind.hidden_act != null && !geluActivations.has(kind.hidden_act))
        throw new NotBertEncoderError(checkpointDir, `${found} with hidden_act "${kind.hidden_act}" (llama.cpp's BERT uses GELU)`);

    const config = await readCheckpointJson(configPath, "model configuration (config.json)", bertConfigSchema);
    if (config.hidden_size % config.num_attention_heads !== 0)
        throw new CheckpointInvalidError(configPath, `hidden_size ${config.hidden_size} is not a multiple of num_attention_heads ${config.num_attention_heads}`);
    return {
        hiddenSize: config.hidden_size,
        layers: config.num_hidden_layers,
        heads: config.num_attention_heads,
        feedForwardSize: config.intermediate_size,
        maxPositions: config.max_position_embeddings,
        typeVocabSize: config.type_vocab_size,
        layerNormEps: config.layer_norm_eps
    };
}
