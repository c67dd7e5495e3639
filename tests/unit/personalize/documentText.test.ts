import { describe, expect, it } from "vitest";
import { documentText, type TextChunk } from "../../../src-main/personalize/documentText.js";

/** Chunks of `sections` cut at the given [start, end) spans, numbered in order, as the store returns them. */
function chunksOf(sections: Array<{ text: string; headingPath: string[]; spans: Array<[number, number]> }>): TextChunk[] {
    const chunks: TextChunk[] = [];
    sections.forEach((section, sectionIndex) => {
        for (const [charStart, charEnd] of section.spans)
            chunks.push({ ordinal: chunks.length, sectionIndex, charStart, charEnd, text: section.text.slice(charStart, charEnd), headingPath: section.headingPath });
    });
    return chunks;
}

describe("documentText", () => {
    it("joins overlapping chunks without repeating the shared text", () => {
        const text = "Refunds are paid within fourteen days. Ask the help desk. It opens at nine.";
        const chunks = chunksOf([{ text, headingPath: [], spans: [[0, 57], [39, 75]] }]);
        expect(documentText(chunks)).toBe(text);
    });

    it("turns the white space between non-overlapping chunks into a line break, and skips chunks already covered", () => {
        const text = "First paragraph.\n\nSecond paragraph.";
        const chunks = chunksOf([{ text, headingPath: [], spans: [[0, 16], [5, 10], [18, 35]] }]);
        expect(documentText(chunks)).toBe("First paragraph.\nSecond paragraph.");
    });

    it("separates sections by a blank line and starts each new heading's section with it", () => {
        const chunks = chunksOf([
            { text: "Intro text.", headingPath: [], spans: [[0, 11]] },
            { text: "Pay within 14 days.", headingPath: ["Policy", "Refunds"], spans: [[0, 19]] },
            { text: "More on refunds.", headingPath: ["Policy", "Refunds"], spans: [[0, 16]] },
            { text: "Nine to five.", headingPath: ["Hours"], spans: [[0, 13]] }
        ]);
        expect(documentText(chunks)).toBe("Intro text.\n\nRefunds\n\nPay within 14 days.\n\nMore on refunds.\n\nHours\n\nNine to five.");
    });

    it("orders chunks by ordinal whatever order they come in", () => {
        const chunks = chunksOf([{ text: "One. Two. Three.", headingPath: [], spans: [[0, 9], [5, 16]] }]);
        expect(documentText([...chunks].reverse())).toBe("One. Two. Three.");
    });
});
