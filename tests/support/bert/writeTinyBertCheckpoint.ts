import fs from "node:fs/promises";
import path from "node:path";
import { SeededRandom } from "../gguf/SeededRandom.js";
import { writeSafetensors, type SafetensorsTensorToWrite } from "./writeSafetensors.js";

/**
 * A small WordPiece vocabulary. Its special tokens sit at other ids than bert-base's 100-103, so a converter
 * that assumed those ids (as llama.cpp does by default for [CLS]) would be caught.
 */
export const tinyBertVocab: readonly string[] = [
    "[PAD]", "[unused0]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "!", "'", "%", "-",
    "the", "cat", "dog", "sit", "##s", "##ting", "on", "mat", "a", "rug", "is", "re", "##venue", "grew", "by", "4",
    "cafe", "東", "京", "hello", "world", "un", "##known", "b", "##c", "##e", "state", "of", "art", "in"
];

export const tinyBertShape = { hidden: 32, layers: 2, heads: 2, feedForward: 64, maxPositions: 64, typeVocab: 2 } as const;

export type TinyBertOptions = {
    seed?: string;
    /** The dtype of every tensor (default F32). */
    dtype?: "F32" | "F16";
    vocab?: readonly string[];
    /** Rows of the word embedding table (default: the vocabulary's size). */
    embeddingRows?: number;
    /** Merged into config.json. */
    config?: Record<string, unknown>;
    /** Replaces 1_Pooling/config.json. */
    poolingConfig?: Record<string, unknown>;
    /** Merged into tokenizer_config.json. */
    tokenizerConfig?: Record<string, unknown>;
    /** Tensors left out of model.safetensors. */
    omitTensors?: readonly string[];
    /** Tensors written instead of the generated ones (e.g. with an integer dtype). */
    replaceTensors?: ReadonlyMap<string, SafetensorsTensorToWrite>;
    /** The only tensors written (e.g. another architecture's), instead of a BERT's. */
    onlyTensors?: ReadonlyMap<string, SafetensorsTensorToWrite>;
};

/**
 * Writes a sentence-transformers BERT checkpoint folder with random weights (hidden 32, 2 layers, 2 heads),
 * laid out as the real ones are: config.json, model.safetensors, vocab.txt, tokenizer_config.json,
 * special_tokens_map.json, modules.json, 1_Pooling/config.json. Returns the names of its tensors.
 */
export async function writeTinyBertCheckpoint(dir: string, options: TinyBertOptions = {}): Promise<string[]> {
    const vocab = options.vocab ?? tinyBertVocab;
    const { hidden: h, layers, heads, feedForward: ff, maxPositions, typeVocab } = tinyBertShape;
    const random = (name: string, shape: number[], amplitude: number, offset = 0): [string, SafetensorsTensorToWrite] => {
        const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
        new SeededRandom(`${options.seed ?? "tiny-bert"}:${name}`).fillUniform(values, amplitude);
        if (offset !== 0) values.forEach((value, i) => (values[i] = value + offset));
        return [name, { shape, dtype: options.dtype ?? "F32", values }];
    };
    const entries: [string, SafetensorsTensorToWrite][] = [
        // an unused integer tensor, as real checkpoints carry: the converter must skip it, not refuse it
        ["embeddings.position_ids", { shape: [1, maxPositions], dtype: "I64", bytes: new Uint8Array(8 * maxPositions) }],
        random("embeddings.word_embeddings.weight", [options.embeddingRows ?? vocab.length, h], 1),
        random("embeddings.position_embeddings.weight", [maxPositions, h], 0.3),
        random("embeddings.token_type_embeddings.weight", [typeVocab, h], 0.3),
        random("embeddings.LayerNorm.weight", [h], 0.2, 1),
        random("embeddings.LayerNorm.bias", [h], 0.1)
    ];
    const linear = (name: string, outputs: number, inputs: number) => {
        entries.push(random(`${name}.weight`, [outputs, inputs], Math.sqrt(3 / inputs)), random(`${name}.bias`, [outputs], 0.1));
    };
    const norm = (name: string) => entries.push(random(`${name}.weight`, [h], 0.2, 1), random(`${name}.bias`, [h], 0.1));
    for (let i = 0; i < layers; i++) {
        const layer = `encoder.layer.${i}`;
        for (const part of ["query", "key", "value"]) linear(`${layer}.attention.self.${part}`, h, h);
        linear(`${layer}.attention.output.dense`, h, h);
        norm(`${layer}.attention.output.LayerNorm`);
        linear(`${layer}.intermediate.dense`, ff, h);
        linear(`${layer}.output.dense`, h, ff);
        norm(`${layer}.output.LayerNorm`);
    }
    entries.push(random("pooler.dense.weight", [h, h], 0.1), random("pooler.dense.bias", [h], 0.1));
    const tensors = new Map(entries.filter(([name]) => !(options.omitTensors ?? []).includes(name)));
    for (const [name, tensor] of options.replaceTensors ?? []) tensors.set(name, tensor);
    if (options.onlyTensors != null) tensors.clear();
    for (const [name, tensor] of options.onlyTensors ?? []) tensors.set(name, tensor);

    const json = (file: string, value: unknown) => fs.writeFile(path.join(dir, file), JSON.stringify(value, null, 2));
    await fs.mkdir(path.join(dir, "1_Pooling"), { recursive: true });
    await writeSafetensors(path.join(dir, "model.safetensors"), tensors);
    await fs.writeFile(path.join(dir, "vocab.txt"), vocab.map((token) => `${token}\n`).join(""));
    await json("config.json", {
        architectures: ["BertModel"], model_type: "bert", hidden_act: "gelu", hidden_size: h, num_hidden_layers: layers,
        num_attention_heads: heads, intermediate_size: ff, max_position_embeddings: maxPositions, type_vocab_size: typeVocab,
        layer_norm_eps: 1e-12, position_embedding_type: "absolute", vocab_size: vocab.length, ...options.config
    });
    await json("tokenizer_config.json", {
        do_lower_case: true, unk_token: "[UNK]", sep_token: "[SEP]", pad_token: "[PAD]", cls_token: "[CLS]", mask_token: "[MASK]",
        tokenize_chinese_chars: true, strip_accents: null, tokenizer_class: "BertTokenizer", ...options.tokenizerConfig
    });
    await json("special_tokens_map.json", { unk_token: "[UNK]", sep_token: "[SEP]", pad_token: "[PAD]", cls_token: "[CLS]", mask_token: "[MASK]" });
    await json("modules.json", [
        { idx: 0, name: "0", path: "", type: "sentence_transformers.models.Transformer" },
        { idx: 1, name: "1", path: "1_Pooling", type: "sentence_transformers.models.Pooling" },
        { idx: 2, name: "2", path: "2_Normalize", type: "sentence_transformers.models.Normalize" }
    ]);
    await json(path.join("1_Pooling", "config.json"), options.poolingConfig ?? {
        word_embedding_dimension: h, pooling_mode_cls_token: false, pooling_mode_mean_tokens: true,
        pooling_mode_max_tokens: false, pooling_mode_mean_sqrt_len_tokens: false
    });
    return [...tensors.keys()];
}
