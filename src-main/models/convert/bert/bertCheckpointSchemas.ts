import { z } from "zod";

const count = z.number().int().positive();

/** Just enough of config.json to tell a BERT encoder from anything else, before its fields are checked. */
export const modelKindSchema = z.looseObject({
    model_type: z.string().optional(),
    architectures: z.array(z.string()).optional(),
    is_decoder: z.boolean().optional(),
    position_embedding_type: z.string().optional(),
    hidden_act: z.string().optional()
});

/** The hyperparameters of a Hugging Face BertConfig that the GGUF carries; defaults are BertConfig's own. */
export const bertConfigSchema = z.looseObject({
    hidden_size: count,
    num_hidden_layers: count,
    num_attention_heads: count,
    intermediate_size: count,
    max_position_embeddings: count,
    type_vocab_size: count.default(2),
    layer_norm_eps: z.number().positive().default(1e-12)
});

/** An added-token entry is either the token text or an object carrying it (tokenizers' AddedToken). */
const tokenText = z.union([z.string(), z.looseObject({ content: z.string() }).transform((token) => token.content)]);

/** tokenizer_config.json (and the token names in special_tokens_map.json) of a BertTokenizer. */
export const tokenizerConfigSchema = z.looseObject({
    tokenizer_class: z.string().optional(),
    do_lower_case: z.boolean().optional(),
    strip_accents: z.boolean().nullable().optional(),
    tokenize_chinese_chars: z.boolean().optional(),
    do_basic_tokenize: z.boolean().optional(),
    unk_token: tokenText.optional(),
    sep_token: tokenText.optional(),
    pad_token: tokenText.optional(),
    cls_token: tokenText.optional(),
    mask_token: tokenText.optional()
});

/** modules.json: the sentence-transformers pipeline, in order. */
export const modulesSchema = z.array(z.looseObject({ path: z.string(), type: z.string() }));

/** 1_Pooling/config.json: one flag per pooling mode (older files), or a `pooling_mode` name (newer ones). */
export const poolingConfigSchema = z.looseObject({
    pooling_mode: z.string().optional(),
    pooling_mode_cls_token: z.boolean().optional(),
    pooling_mode_mean_tokens: z.boolean().optional(),
    pooling_mode_max_tokens: z.boolean().optional(),
    pooling_mode_mean_sqrt_len_tokens: z.boolean().optional(),
    pooling_mode_weightedmean_tokens: z.boolean().optional(),
    pooling_mode_lasttoken: z.boolean().optional()
});
