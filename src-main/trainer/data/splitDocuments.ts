import { hashString } from "./seededRandom.js";

export type TokenizedDocument = { id: string; tokens: Int32Array };

export type DocumentSplit = { train: TokenizedDocument[]; validation: TokenizedDocument[] };

/**
 * Holds out whole documents for validation, about `fraction` of all tokens, so validation text is never
 * text the adapter trained on. The choice depends on the documents' text and the seed (ids only break ties),
 * not on the input order: the same library gives the same split every run, whatever ids its documents got.
 * With fewer than two documents nothing is held out; one document always stays for training.
 */
export function splitDocuments(documents: readonly TokenizedDocument[], fraction: number, seed: number): DocumentSplit {
    const nonEmpty = documents.filter((document) => document.tokens.length > 0);
    if (nonEmpty.length < 2 || fraction <= 0) return { train: nonEmpty, validation: [] };
    const total = nonEmpty.reduce((sum, document) => sum + document.tokens.length, 0);
    const key = new Map(nonEmpty.map((document) => [document, hashTokens(document.tokens, seed)]));
    const ordered = [...nonEmpty].sort((a, b) =>
        key.get(a)! - key.get(b)! || hashString(a.id, seed) - hashString(b.id, seed) || (a.id < b.id ? -1 : 1));
    const validation: TokenizedDocument[] = [];
    let held = 0;
    for (const document of ordered) {
        if (held >= fraction * total || validation.length === nonEmpty.length - 1) break;
        validation.push(document);
        held += document.tokens.length;
    }
    const heldIds = new Set(validation.map((document) => document.id));
    return { train: nonEmpty.filter((document) => !heldIds.has(document.id)), validation };
}

/** 32-bit FNV-1a over a document's tokens. */
function hashTokens(tokens: Int32Array, seed: number): number {
    let hash = (0x811c9dc5 ^ seed) >>> 0;
    for (const token of tokens) {
        hash ^= token;
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash;
}
