import type { TrainingDocument } from "../types.js";
import { buildWindows } from "./buildWindows.js";
import { splitDocuments, type TokenizedDocument } from "./splitDocuments.js";

export type TrainingData = {
    trainWindows: Int32Array[];
    validationWindows: Int32Array[];
    trainTokens: number;
    validationTokens: number;
    trainDocuments: number;
    validationDocuments: number;
};

/** A document, or a question-answer exchange in the chat template whose markers are special tokens written as text. */
export type TrainingSource = TrainingDocument & { specialTokens?: boolean };

export type PrepareTrainingDataOptions = {
    windowTokens: number;
    validationFraction: number;
    /** Hold out exactly these documents instead of a share of the tokens chosen by seed. */
    validationDocumentIds?: readonly string[];
    maxValidationWindows: number;
    seed: number;
};

/**
 * Tokenizes each document with the model's own tokenizer (BOS first), holds out whole documents for
 * validation, and cuts both sides into windows. Validation keeps at most `maxValidationWindows`,
 * spread evenly over the held-out text, since every evaluation costs time from the budget.
 */
export async function prepareTrainingData(
    documents: readonly TrainingSource[],
    tokenize: (text: string, specialTokens: boolean) => Promise<Int32Array>,
    options: PrepareTrainingDataOptions
): Promise<TrainingData> {
    const tokenized: TokenizedDocument[] = [];
    for (const document of documents) tokenized.push({ id: document.id, tokens: await tokenize(document.text, document.specialTokens === true) });
    const held = options.validationDocumentIds == null ? null : new Set(options.validationDocumentIds);
    const split = held == null
        ? splitDocuments(tokenized, options.validationFraction, options.seed)
        : { train: tokenized.filter((d) => !held.has(d.id) && d.tokens.length > 0), validation: tokenized.filter((d) => held.has(d.id) && d.tokens.length > 0) };
    const validationWindows = spreadPick(buildWindows(split.validation.map((document) => document.tokens), options.windowTokens), options.maxValidationWindows);
    return {
        trainWindows: buildWindows(split.train.map((document) => document.tokens), options.windowTokens),
        validationWindows,
        trainTokens: countTokens(split.train),
        validationTokens: countTokens(split.validation),
        trainDocuments: split.train.length,
        validationDocuments: split.validation.length
    };
}

function countTokens(documents: readonly TokenizedDocument[]): number {
    return documents.reduce((sum, document) => sum + document.tokens.length, 0);
}

/** Up to `count` items, evenly spaced, first and last included. */
function spreadPick<T>(items: readonly T[], count: number): T[] {
    if (items.length <= count) return [...items];
    if (count <= 0) return [];
    if (count === 1) return [items[0] as T];
    return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))] as T);
}
