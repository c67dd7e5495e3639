import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../../src-main/ingest/chunk/chunkDocument.js";
import { embeddingInput } from "../../../src-main/ingest/chunk/embeddingInput.js";
import type { ChunkableDocument, DocumentChunk } from "../../../src-main/ingest/chunk/types.js";

/** Pure tests count whitespace-separated words; the real tokenizer is exercised in tests/model. */
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** `count` sentences of `size` words each, all capitalized so every period ends a sentence. */
function sentences(prefix: string, count: number, size = 6): string {
    return Array.from({ length: count }, (_, i) => `${prefix}${i} ${Array.from({ length: size - 1 }, () => "Word").join(" ")}.`).join(" ");
}

function doc(...sections: ChunkableDocument["sections"]): ChunkableDocument {
    return { sections };
}

function assertExactOffsets(document: ChunkableDocument, chunks: readonly DocumentChunk[]): void {
    for (const chunk of chunks) {
        const section = document.sections[chunk.sectionIndex]!;
        expect(chunk.text).toBe(section.text.slice(chunk.charStart, chunk.charEnd));
        expect(chunk.page).toBe(section.page);
        expect(chunk.headingPath).toEqual(section.headingPath);
        expect(chunk.tokenCount).toBe(words(chunk.text));
    }
}

/** Every word of every section appears in at least one chunk, so nothing is lost to a citation. */
function assertCoverage(document: ChunkableDocument, chunks: readonly DocumentChunk[]): void {
    document.sections.forEach((section, sectionIndex) => {
        for (const match of section.text.matchAll(/\S+/g)) {
            const covered = chunks.some((chunk) =>
                chunk.sectionIndex === sectionIndex && chunk.charStart <= match.index && match.index + match[0].length <= chunk.charEnd);
            expect(covered, `"${match[0]}" at ${match.index} of section ${sectionIndex}`).toBe(true);
        }
    });
}

const layouts: Array<[string, ChunkableDocument, { target: number; overlap: number }]> = [
    ["one short paragraph", doc({ text: sentences("A", 3), headingPath: [] }), { target: 64, overlap: 8 }],
    ["paragraphs that each fit", doc({ text: [sentences("A", 4), sentences("B", 4), sentences("C", 4)].join("\n\n"), headingPath: ["Intro"] }), { target: 32, overlap: 4 }],
    ["one paragraph longer than a chunk", doc({ text: sentences("S", 40), headingPath: [] }), { target: 40, overlap: 6 }],
    ["pages of a PDF", doc({ text: sentences("P", 12), page: 1, headingPath: [] }, { text: sentences("Q", 12), page: 2, headingPath: [] }), { target: 30, overlap: 0 }],
    ["wrapped PDF lines", doc({ text: sentences("L", 20).replace(/ (?=L\d)/g, "\n"), page: 3, headingPath: [] }), { target: 25, overlap: 5 }],
    ["a run-on sentence", doc({ text: Array.from({ length: 300 }, (_, i) => `w${i}`).join(" "), headingPath: ["Long"] }), { target: 50, overlap: 5 }],
    ["nested headings", doc({ text: sentences("H", 5), headingPath: ["Guide", "Install", "Linux"] }, { text: sentences("I", 5), headingPath: ["Guide", "Use"] }), { target: 20, overlap: 3 }],
    ["blank and white-space sections", doc({ text: "", headingPath: [] }, { text: " \n\n \t", headingPath: ["Empty"] }, { text: sentences("X", 2), headingPath: [] }), { target: 16, overlap: 2 }]
];

describe("chunkDocument", () => {
    it.each(layouts)("keeps exact offsets, page and headings, and loses no text: %s", (_label, document, { target, overlap }) => {
        const chunks = chunkDocument(document, { countTokens: words, targetTokens: target, overlapTokens: overlap, contextHeader: false });
        assertExactOffsets(document, chunks);
        assertCoverage(document, chunks);
        for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(target);
        expect(chunks.map((chunk) => chunk.sectionIndex)).toEqual([...chunks.map((chunk) => chunk.sectionIndex)].sort((a, b) => a - b));
    });

    it.each(layouts)("fits the context header into the budget when embedding: %s", (_label, document, { target, overlap }) => {
        const titled = { ...document, title: "Handbook" };
        const chunks = chunkDocument(titled, { countTokens: words, targetTokens: target, overlapTokens: overlap });
        assertExactOffsets(titled, chunks);
        for (const chunk of chunks) expect(words(embeddingInput(chunk, titled.title))).toBeLessThanOrEqual(target);
    });

    it("never lets a chunk span two sections, so it never crosses a page or heading", () => {
        const document = doc({ text: "Alpha one.", page: 1, headingPath: ["A"] }, { text: "Beta two.", page: 2, headingPath: ["A"] }, { text: "Gamma three.", page: 2, headingPath: ["B"] });
        const chunks = chunkDocument(document, { countTokens: words, targetTokens: 100, contextHeader: false });
        expect(chunks.map((chunk) => [chunk.text, chunk.page, chunk.headingPath])).toEqual([
            ["Alpha one.", 1, ["A"]], ["Beta two.", 2, ["A"]], ["Gamma three.", 2, ["B"]]
        ]);
    });

    it("ends a chunk at a paragraph rather than mid-paragraph when the chunk stays at least half full", () => {
        const text = [sentences("A", 3), sentences("B", 3)].join("\n\n"); // 18 words per paragraph
        const chunks = chunkDocument(doc({ text, headingPath: [] }), { countTokens: words, targetTokens: 30, overlapTokens: 0, contextHeader: false });
        expect(chunks.map((chunk) => chunk.text)).toEqual([sentences("A", 3), sentences("B", 3)]);
    });

    it("splits a long paragraph at sentence ends, never inside a sentence", () => {
        const text = sentences("S", 10); // 10 sentences of 6 words
        const chunks = chunkDocument(doc({ text, headingPath: [] }), { countTokens: words, targetTokens: 20, overlapTokens: 0, contextHeader: false });
        expect(chunks.map((chunk) => chunk.tokenCount)).toEqual([18, 18, 18, 6]);
        for (const chunk of chunks) expect(chunk.text).toMatch(/^S\d+ .*\.$/);
    });

    it("repeats trailing sentences of the previous chunk up to the overlap", () => {
        const text = sentences("S", 10);
        const chunks = chunkDocument(doc({ text, headingPath: [] }), { countTokens: words, targetTokens: 20, overlapTokens: 6, contextHeader: false });
        for (let i = 1; i < chunks.length; i++) {
            const previous = chunks[i - 1]!;
            const current = chunks[i]!;
            expect(current.charStart).toBeLessThan(previous.charEnd);
            expect(current.charStart).toBeGreaterThan(previous.charStart);
            expect(words(text.slice(current.charStart, previous.charEnd))).toBeLessThanOrEqual(6);
        }
        expect(chunks.at(-1)!.charEnd).toBe(text.length);
    });

    it("cuts a sentence longer than a chunk between words", () => {
        const text = Array.from({ length: 95 }, (_, i) => `word${i}`).join(" ");
        const chunks = chunkDocument(doc({ text, headingPath: [] }), { countTokens: words, targetTokens: 30, overlapTokens: 0, contextHeader: false });
        expect(chunks.map((chunk) => chunk.tokenCount)).toEqual([30, 30, 30, 5]);
        for (const chunk of chunks) expect(chunk.text).toMatch(/^word\d+( word\d+)*$/);
    });

    it.each([
        ["CJK without spaces", "東京都に住む人々は毎日電車で通勤している。".repeat(20)],
        ["emoji (surrogate pairs)", "😀".repeat(200)],
        ["one enormous token", "x".repeat(5000)]
    ])("cuts %s by token count without splitting a character", (_label, text) => {
        const perChar = (value: string): number => [...value].length; // one token per code point
        const chunks = chunkDocument(doc({ text, headingPath: [] }), { countTokens: perChar, targetTokens: 64, overlapTokens: 0, contextHeader: false });
        expect(chunks.map((chunk) => chunk.text).join("")).toBe(text);
        for (const chunk of chunks) {
            expect(chunk.tokenCount).toBeLessThanOrEqual(64);
            expect(chunk.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
        }
    });

    it("gives the same chunks for the same document", () => {
        const document = layouts[2]![1];
        const options = { countTokens: words, targetTokens: 40, overlapTokens: 6 };
        expect(chunkDocument(document, options)).toEqual(chunkDocument(document, options));
    });

    it("returns no chunks for a document without text", () => {
        expect(chunkDocument(doc({ text: "  \n\n  ", headingPath: [] }), { countTokens: words })).toEqual([]);
        expect(chunkDocument({ sections: [] }, { countTokens: words })).toEqual([]);
    });

    it("refuses a target too small to hold a sentence", () => {
        expect(() => chunkDocument(doc({ text: "a", headingPath: [] }), { countTokens: words, targetTokens: 4 })).toThrow(RangeError);
    });

    it("calls the tokenizer about once per sentence and chunk, not once per character", () => {
        let calls = 0;
        const counting = (text: string): number => { calls++; return words(text); };
        const text = Array.from({ length: 50 }, () => sentences("P", 8)).join("\n\n");
        const chunks = chunkDocument(doc({ text, headingPath: ["H"] }), { countTokens: counting, targetTokens: 128 });
        expect(calls).toBeLessThan(400 + chunks.length * 3);
    });
});
