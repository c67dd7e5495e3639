import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../../src-main/ingest/chunk/chunkDocument.js";

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

describe("a huge line without punctuation", () => {
    it("is cut in linear time into pieces within the budget that cover the whole text", () => {
        const text = "lorem ".repeat(400_000).trimEnd(); // 2.4 MB, one line
        let counted = 0;
        const countTokens = (piece: string): number => {
            counted += piece.length;
            return words(piece);
        };
        const started = performance.now();
        const chunks = chunkDocument({ sections: [{ text, headingPath: [] }] }, { countTokens, targetTokens: 200, overlapTokens: 0, contextHeader: false });
        expect(performance.now() - started).toBeLessThan(10_000);
        // Each character is tokenized a bounded number of times, not once per piece before it.
        expect(counted / text.length).toBeLessThan(64);
        expect(chunks.every((chunk) => chunk.tokenCount <= 200)).toBe(true);
        expect(chunks.reduce((sum, chunk) => sum + words(chunk.text), 0)).toBe(400_000);
    });
});
