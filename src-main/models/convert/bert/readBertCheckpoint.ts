import fs from "node:fs/promises";
import path from "node:path";
import type { BertHyperparameters, BertPooling, BertTokenizerSettings } from "./bertCheckpointTypes.js";
import { bertTensorPlan, type BertTensorMapping } from "./bertTensorPlan.js";
import { bertVocabulary, type BertVocabulary } from "./bertVocabulary.js";
import { CheckpointFileMissingError } from "./CheckpointFileMissingError.js";
import { CheckpointInvalidError } from "./CheckpointInvalidError.js";
import { findCheckpointTensor } from "./findCheckpointTensor.js";
import { NotBertEncoderError } from "./NotBertEncoderError.js";
import { readBertConfig } from "./readBertConfig.js";
import { readBertPooling } from "./readBertPooling.js";
import { readBertTokenizerSettings } from "./readBertTokenizerSettings.js";
import { readVocabTxt } from "./readVocabTxt.js";
import { SafetensorsFile, type SafetensorsEntry } from "./SafetensorsFile.js";
import { readableSafetensorsDtypes, UnsupportedSafetensorsDtypeError } from "./UnsupportedSafetensorsDtypeError.js";
import { VocabularySizeMismatchError } from "./VocabularySizeMismatchError.js";

/** A checked checkpoint: everything the GGUF needs, with its weights file open (close `weights` when done). */
export type BertCheckpoint = {
    dir: string;
    hyper: BertHyperparameters;
    pooling: BertPooling;
    tokenizer: BertTokenizerSettings;
    vocabulary: BertVocabulary;
    weights: SafetensorsFile;
    tensors: (BertTensorMapping & { entry: SafetensorsEntry })[];
};

/**
 * Reads and checks a sentence-transformers BERT checkpoint folder. Every refusal (not BERT, missing file or
 * tensor, vocabulary and embedding table out of step, unreadable dtype, pooling) happens here, before a
 * byte of the GGUF is written.
 */
export async function readBertCheckpoint(checkpointDir: string): Promise<BertCheckpoint> {
    const dir = path.resolve(checkpointDir);
    if (!await fs.stat(dir).then((stat) => stat.isDirectory(), () => false)) throw new CheckpointFileMissingError(dir, "checkpoint folder");
    const hyper = await readBertConfig(dir);
    const tokenizer = await readBertTokenizerSettings(dir);
    const pooling = await readBertPooling(dir);
    const vocabPath = path.join(dir, "vocab.txt");
    const vocabTokens = await readVocabTxt(vocabPath);

    const weightsPath = path.join(dir, "model.safetensors");
    const weights = await SafetensorsFile.open(weightsPath).catch((error: unknown) => {
        throw (error as NodeJS.ErrnoException).code === "ENOENT" ? new CheckpointFileMissingError(weightsPath, "weights file (model.safetensors)") : error;
    });
    try {
        const missing = (name: string) => {
            const names = [...weights.entries.keys()];
            const sample = names.slice(0, 3).map((entry) => `"${entry}"`).join(", ");
            return new NotBertEncoderError(dir, `no tensor "${name}" in model.safetensors (its ${names.length} tensors begin ${sample || "with nothing"})`);
        };
        const wordEmbeddings = findCheckpointTensor(weights.entries, "embeddings.word_embeddings.weight");
        if (wordEmbeddings == null) throw missing("embeddings.word_embeddings.weight");
        const embeddingRows = wordEmbeddings.shape[0] ?? 0;
        if (vocabTokens.length !== embeddingRows) throw new VocabularySizeMismatchError(vocabPath, vocabTokens.length, embeddingRows);

        const tensors = bertTensorPlan(hyper, embeddingRows).map((mapping) => {
            const entry = findCheckpointTensor(weights.entries, mapping.source);
            if (entry == null) throw missing(mapping.source);
            if (entry.shape.join(",") !== mapping.shape.join(","))
                throw new CheckpointInvalidError(weightsPath, `tensor "${entry.name}" has shape [${entry.shape.join(", ")}], ` +
                    `config.json implies [${mapping.shape.join(", ")}]`);
            if (!(readableSafetensorsDtypes as readonly string[]).includes(entry.dtype))
                throw new UnsupportedSafetensorsDtypeError(weightsPath, entry.name, entry.dtype);
            return { ...mapping, entry };
        });
        const vocabulary = bertVocabulary(vocabTokens, tokenizer.specialTokens, vocabPath);
        return { dir, hyper, pooling, tokenizer, vocabulary, weights, tensors };
    } catch (error) {
        await weights.close();
        throw error;
    }
}
