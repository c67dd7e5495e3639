/** The pooling modes llama.cpp's BERT graph can run, as sentence-transformers names them. */
export type BertPooling = "mean" | "cls";

/** A BERT encoder's shape and constants, from config.json. */
export type BertHyperparameters = {
    hiddenSize: number;
    layers: number;
    heads: number;
    feedForwardSize: number;
    maxPositions: number;
    typeVocabSize: number;
    layerNormEps: number;
};

/** The special tokens' texts, as the tokenizer config names them. */
export type BertSpecialTokens = { unk: string; sep: string; pad: string; cls: string; mask: string };

/** How the tokenizer normalises text before WordPiece, and its special tokens. */
export type BertTokenizerSettings = {
    lowercase: boolean;
    stripAccents: boolean;
    specialTokens: BertSpecialTokens;
};
