import { describe, expect, it } from "vitest";
import { buildWindows, concatWindows } from "../../../src-main/trainer/data/buildWindows.js";
import { prepareTrainingData } from "../../../src-main/trainer/data/prepareTrainingData.js";
import { splitDocuments, type TokenizedDocument } from "../../../src-main/trainer/data/splitDocuments.js";
import { WindowOrder } from "../../../src-main/trainer/data/WindowOrder.js";

function doc(id: string, length: number, start = 0): TokenizedDocument {
    return { id, tokens: Int32Array.from({ length }, (_, i) => start + i) };
}

describe("splitDocuments", () => {
    const documents = Array.from({ length: 20 }, (_, i) => doc(`doc-${String(i)}`, 100));

    it("holds out whole documents, about the requested share of tokens, never the same one on both sides", () => {
        const { train, validation } = splitDocuments(documents, 0.2, 1);
        expect(validation.length).toBe(4);
        expect(train.length + validation.length).toBe(documents.length);
        const trainIds = new Set(train.map((d) => d.id));
        expect(validation.every((d) => !trainIds.has(d.id))).toBe(true);
    });

    it("gives the same split for the same texts whatever ids they got (a library indexed again)", () => {
        const texts = Array.from({ length: 12 }, (_, i) => doc(`first-${String(i)}`, 50 + i, i * 1000));
        const again = texts.map((d, i) => ({ ...d, id: `second-${String(i)}` }));
        const held = (list: TokenizedDocument[]) => splitDocuments(list, 0.25, 3).validation.map((d) => d.tokens[0]).sort();
        expect(held(again)).toEqual(held(texts));
    });

    it("depends on the documents and the seed, not on the order the documents come in", () => {
        const forward = splitDocuments(documents, 0.2, 7).validation.map((d) => d.id).sort();
        const backward = splitDocuments([...documents].reverse(), 0.2, 7).validation.map((d) => d.id).sort();
        expect(backward).toEqual(forward);
        expect(splitDocuments(documents, 0.2, 8).validation.map((d) => d.id).sort()).not.toEqual(forward);
    });

    it("keeps one document for training and holds nothing out from a single document", () => {
        expect(splitDocuments([doc("a", 10), doc("b", 10)], 0.9, 1)).toMatchObject({ train: [{}], validation: [{}] });
        expect(splitDocuments([doc("only", 50)], 0.5, 1)).toMatchObject({ train: [{ id: "only" }], validation: [] });
        expect(splitDocuments([doc("empty", 0), doc("a", 10)], 0.5, 1)).toMatchObject({ train: [{ id: "a" }], validation: [] });
    });
});

describe("buildWindows", () => {
    it("cuts windows of n + 1 tokens that share their boundary token, so every token is predicted once", () => {
        const windows = buildWindows([doc("a", 10).tokens, doc("b", 11, 10).tokens], 5);
        expect(windows.map((w) => Array.from(w))).toEqual([
            [0, 1, 2, 3, 4, 5],
            [5, 6, 7, 8, 9, 10],
            [10, 11, 12, 13, 14, 15],
            [15, 16, 17, 18, 19, 20]
        ]);
    });

    it("adds a last window aligned to the end when a tail of a quarter window or more would be lost", () => {
        const windows = buildWindows([doc("a", 13).tokens], 4);
        expect(windows.map((w) => Array.from(w))).toEqual([[0, 1, 2, 3, 4], [4, 5, 6, 7, 8], [8, 9, 10, 11, 12]]);
        const withTail = buildWindows([doc("a", 15).tokens], 4);
        expect(Array.from(withTail.at(-1) ?? [])).toEqual([10, 11, 12, 13, 14]);
    });

    it("repeats text shorter than one window to fill it", () => {
        expect(buildWindows([doc("a", 3).tokens], 5).map((w) => Array.from(w))).toEqual([[0, 1, 2, 0, 1, 2]]);
        expect(buildWindows([], 5)).toEqual([]);
    });

    it("joins windows into the flat layout the native evaluate expects", () => {
        const joined = concatWindows([Int32Array.of(1, 2), Int32Array.of(3, 4)]);
        expect(Array.from(joined)).toEqual([1, 2, 3, 4]);
    });
});

describe("WindowOrder", () => {
    it("visits every window once per epoch, in a seeded order that changes between epochs", () => {
        const order = new WindowOrder(8, 3);
        const first = Array.from({ length: 8 }, () => order.next());
        const second = Array.from({ length: 8 }, () => order.next());
        expect([...first].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
        expect([...second].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
        expect(second).not.toEqual(first);
        expect(order.epoch).toBe(1);
        const again = new WindowOrder(8, 3);
        expect(Array.from({ length: 8 }, () => again.next())).toEqual(first);
    });
});

describe("prepareTrainingData", () => {
    it("tokenizes each document, splits by document and caps validation windows, spread over the text", async () => {
        const documents = Array.from({ length: 10 }, (_, i) => ({ id: `d${String(i)}`, text: "x".repeat(40 + i) }));
        const tokenize = (text: string): Promise<Int32Array> => Promise.resolve(Int32Array.from({ length: text.length }, (_, i) => i));
        const data = await prepareTrainingData(documents, tokenize, { windowTokens: 8, validationFraction: 0.3, maxValidationWindows: 2, seed: 1 });
        expect(data.trainDocuments + data.validationDocuments).toBe(10);
        expect(data.validationDocuments).toBeGreaterThanOrEqual(3);
        expect(data.validationWindows).toHaveLength(2);
        expect(data.trainWindows.every((w) => w.length === 9)).toBe(true);
        expect(data.trainTokens + data.validationTokens).toBe(documents.reduce((sum, d) => sum + d.text.length, 0));
    });

    it("holds out exactly the documents named, when the caller names them", async () => {
        const documents = Array.from({ length: 10 }, (_, i) => ({ id: `d${String(i)}`, text: "x".repeat(40 + i) }));
        const tokenize = (text: string): Promise<Int32Array> => Promise.resolve(Int32Array.from({ length: text.length }, (_, i) => i));
        const data = await prepareTrainingData(documents, tokenize, {
            windowTokens: 8, validationFraction: 0.3, validationDocumentIds: ["d2", "d7"], maxValidationWindows: 100, seed: 1
        });
        expect(data.validationDocuments).toBe(2);
        expect(data.validationTokens).toBe(42 + 47);
        expect(data.trainDocuments).toBe(8);
    });
});
